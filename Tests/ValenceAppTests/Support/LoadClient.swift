import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Drives a running gateway over HTTP: bounded concurrent load and polling helpers.
struct LoadClient: Sendable {
    let http: HTTPClient
    let gateway: String

    /// What a load run saw.
    struct Report: Sendable, CustomStringConvertible {
        var sent = 0
        var failures = 0
        var fallback = 0
        var transformer = 0
        var fallbackModels: Set<String> = []
        /// The `request_id` of every answered request.
        var requestIDs: [String] = []
        var errors: [String] = []

        mutating func merge(_ other: Report) {
            sent += other.sent
            failures += other.failures
            fallback += other.fallback
            transformer += other.transformer
            fallbackModels.formUnion(other.fallbackModels)
            requestIDs += other.requestIDs
            errors += other.errors
        }

        var description: String {
            "\(sent) requests, \(failures) failed, \(fallback) answered by the fallback, \(transformer) by the transformer"
        }
    }

    /// `clients` concurrent loops of POST /predict for `duration` (at most 2,000 requests each), while `during` runs.
    func run(clients: Int, for duration: Duration,
             text: @escaping @Sendable (Int) -> String = { "this is a lovely day #\($0)" },
             during: @escaping @Sendable () async throws -> Void) async throws -> Report {
        let deadline = ContinuousClock.now + duration
        return try await withThrowingTaskGroup(of: Report.self) { group in
            group.addTask {
                try await during()
                return Report()
            }
            for client in 0..<clients {
                group.addTask { await loop(client: client, until: deadline, text: text) }
            }
            var total = Report()
            for try await report in group { total.merge(report) }
            return total
        }
    }

    private func loop(client: Int, until deadline: ContinuousClock.Instant,
                      text: @Sendable (Int) -> String) async -> Report {
        var report = Report()
        while ContinuousClock.now < deadline, report.sent < 2_000 {
            report.sent += 1
            switch await predictOnce(text(client * 100_000 + report.sent)) {
            case .success(let answer):
                if let id = answer["request_id"] as? String { report.requestIDs.append(id) }
                if answer["fallback_used"] as? Bool == true {
                    report.fallback += 1
                    report.fallbackModels.insert(answer["model_used"] as? String ?? "?")
                } else {
                    report.transformer += 1
                }
            case .failure(let error):
                report.failures += 1
                report.errors.append("\(error)")
            }
        }
        return report
    }

    /// Polls until POST /predict is answered by `model` without fallback; returns how long that took.
    @discardableResult
    func waitForTransformer(model: String, within limit: Duration) async throws -> Duration {
        let start = ContinuousClock.now
        try await waitUntil(within: limit) {
            guard case .success(let answer) = await predictOnce("waiting for the model") else { return false }
            return answer["fallback_used"] as? Bool == false && answer["model_used"] as? String == model
        }
        return ContinuousClock.now - start
    }

    /// Polls `condition` every 100 ms until it holds or `limit` passes (then fails).
    func waitUntil(within limit: Duration, _ condition: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if (try? await condition()) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LoadError("condition not met within \(limit)")
    }

    /// The newest alert of `rule` in GET /alerts.
    func alert(_ rule: String) async throws -> [String: Any]? {
        (try await json("/alerts")["alerts"] as? [[String: Any]] ?? []).first { $0["rule"] as? String == rule }
    }

    func json(_ path: String, method: HTTPMethod = .GET) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: gateway + path)
        request.method = method
        let response = try await http.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            throw LoadError("\(path) did not answer a JSON object")
        }
        return object
    }

    private func predictOnce(_ text: String) async -> Result<[String: Any], LoadError> {
        do {
            var request = HTTPClientRequest(url: gateway + "/predict")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["text": text])))
            let response = try await http.execute(request, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok else {
                return .failure(LoadError("HTTP \(response.status.code): \(String(buffer: body))"))
            }
            guard let answer = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
                return .failure(LoadError("not a JSON object"))
            }
            return .success(answer)
        } catch {
            return .failure(LoadError("\(error)"))
        }
    }
}

struct LoadError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
