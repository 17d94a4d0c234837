import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Testing
import ValenceApp
import ValenceTestSupport

/// `valence model-service` end to end, in process: a catalog model pulled from a fake hub through the API, loaded,
/// served with dynamic batching, hot-swapped under load, and 429 when the batch queue is full.
@Suite("Model service: pull, load, batch, hot swap, overload")
struct ModelServiceTests {
    static let repository = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"

    /// The tiny BERT fixture published on the fake hub under the catalog's DistilBERT repository.
    static func publishTinyModel(on hub: FakeHub) throws {
        let folder = try TinyModels.directory("tiny-bert-wordpiece")
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        hub.add(FakeRepository(repository: repository, revision: "main", files: files))
    }

    /// Runs `body` against a live model service whose hub is `hub` and model cache a fresh folder.
    static func withModelService(hub: FakeHub, environment: [String: String] = [:],
                                 _ body: @escaping @Sendable (String) async throws -> Void) async throws {
        try await withTemporaryDirectory { folder in
            var configuration = ServeConfiguration(dataDirectory: folder)
            try configuration.apply(environment: ["HF_ENDPOINT": hub.endpoint.absoluteString].merging(environment) { $1 })
            configuration.port = 0
            let app = try await buildModelServiceApplication(configuration: configuration, logger: .quiet)
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))")
            }
        }
    }

    @Test("a catalog model pulled through the API loads, serves in batches, and hot-swaps under load with no failure")
    func pullLoadServeSwap() async throws {
        try await FakeHub.withRunning { hub in
            try Self.publishTinyModel(on: hub)
            try await Self.withModelService(hub: hub) { base in
                try await withHTTPClient { http in
                    #expect(try await http.call(base + "/ready").status == .serviceUnavailable)
                    let download = try await http.call(base + "/models/download", method: .POST, json: #"{"model": "distilbert"}"#)
                    #expect(download.status == .accepted)
                    try await eventually {
                        try await http.call(base + "/models/distilbert-sentiment").json["state"] as? String == "available"
                    }
                    let loaded = try await http.call(base + "/models/distilbert-sentiment/load", method: .POST)
                    #expect(loaded.json["state"] as? String == "ready")
                    #expect(try await http.call(base + "/ready").status == .ok)

                    // Eight clients keep predicting while the model is reloaded (hot swap) three times.
                    let outcomes = try await withThrowingTaskGroup(of: [Int].self) { group in
                        for client in 0..<8 {
                            group.addTask {
                                var statuses: [Int] = []
                                for index in 0..<60 {
                                    let answer = try await http.call(base + "/predict", method: .POST,
                                                                     json: #"{"text": "client \#(client) text \#(index) is great"}"#)
                                    statuses.append(answer.status == .ok && answer.json["model_used"] as? String == "distilbert-sentiment"
                                                    ? 200 : Int(answer.status.code))
                                }
                                return statuses
                            }
                        }
                        group.addTask {
                            for _ in 0..<3 {
                                let swap = try await http.call(base + "/models/distilbert-sentiment/load", method: .POST)
                                guard swap.status == .ok else { return [Int(swap.status.code)] }
                            }
                            return []
                        }
                        return try await group.reduce(into: []) { $0 += $1 }
                    }
                    #expect(outcomes.count == 480)
                    #expect(outcomes.allSatisfy { $0 == 200 }, "\(outcomes.filter { $0 != 200 })")

                    let metrics = try await http.call(base + "/metrics", headers: ["Accept": "application/json"]).json
                    let model = try #require((metrics["models"] as? [[String: Any]])?.first { $0["model"] as? String == "distilbert-sentiment" })
                    let batches = try #require(model["batch_size"] as? [String: Any])
                    let texts = batches["sum"] as? Double ?? 0, count = batches["count"] as? Double ?? 0
                    #expect(texts >= 480 && count < texts, "batches of more than one text form under concurrent load")
                    let prometheus = try await http.call(base + "/metrics")
                    #expect(prometheus.text.contains("valence_batch_size_bucket{model=\"distilbert-sentiment\""))
                }
            }
        }
    }

    @Test("a full batch queue answers 429 with Retry-After; the others are answered")
    func overloaded() async throws {
        try await FakeHub.withRunning { hub in
            let folder = try TinyModels.directory("tiny-bert-wordpiece").path
            try await withTemporaryDirectory { cache in
                var configuration = ServeConfiguration(dataDirectory: cache)
                try configuration.apply(environment: ["HF_ENDPOINT": hub.endpoint.absoluteString,
                                                      "BATCH_QUEUE_CAPACITY": "4", "BATCH_MAX_WAIT_MS": "300"])
                configuration.modelFolders = [ModelFolder(url: URL(fileURLWithPath: folder))]
                let app = try await buildModelServiceApplication(configuration: configuration, logger: .quiet)
                try await app.test(.live) { client in
                    let base = "http://127.0.0.1:\(try #require(client.port))"
                    try await withHTTPClient { http in
                        try await eventually { try await http.call(base + "/ready").status == .ok }
                        let answers = try await withThrowingTaskGroup(of: HTTPAnswer.self) { group in
                            for index in 0..<12 {
                                group.addTask {
                                    try await http.call(base + "/predict", method: .POST, json: #"{"texts": ["one \#(index)", "two"]}"#)
                                }
                            }
                            return try await group.reduce(into: []) { $0.append($1) }
                        }
                        let rejected = answers.filter { $0.status == .tooManyRequests }
                        #expect(!rejected.isEmpty)
                        #expect(rejected.allSatisfy { $0.headers["Retry-After"].first == "1" })
                        #expect(answers.allSatisfy { $0.status == .ok || $0.status == .tooManyRequests })
                        #expect(answers.contains { $0.status == .ok })
                    }
                }
            }
        }
    }
}

/// An HTTP answer read whole.
struct HTTPAnswer: Sendable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
}

extension HTTPClient {
    func call(_ url: String, method: HTTPMethod = .GET, json: String? = nil, headers: [String: String] = [:]) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 4 << 20)
        return HTTPAnswer(status: response.status, headers: response.headers, body: Data(buffer: body))
    }
}

/// Runs `body` with an HTTP client, shut down afterwards.
func withHTTPClient(_ body: (HTTPClient) async throws -> Void) async throws {
    let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    do {
        try await body(http)
    } catch {
        try? await http.shutdown()
        throw error
    }
    try await http.shutdown()
}

/// Polls `condition` every 50 ms for up to 30 s; fails the test if it never holds.
func eventually(_ condition: () async throws -> Bool) async throws {
    for _ in 0..<600 {
        if (try? await condition()) == true { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("condition never held")
}
