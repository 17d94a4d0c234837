import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import ValenceApp

/// `valence bench http`: POST /predict on a `valence model-service` process under 1, 16 and 64 concurrent clients,
/// against the engine's own batched throughput for the same model, measured in the same run (DESIGN.md section 11:
/// dynamic batching keeps 64 clients within 90 % of the engine).
struct BenchHTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Model-service throughput and latency under concurrent clients vs. the engine's batch throughput."
    )

    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder.") var modelDirectory: String
    @Option(help: "JSONL corpus with a text field.") var corpus = "Benchmarks/corpus/tweets.jsonl"
    @Option(help: "Seconds per measurement.") var seconds = 10.0
    @Option(help: "Concurrent client counts, comma-separated.") var clients = "1,16,64"

    func run() async throws {
        let texts = try BenchCorpus.texts(corpus)
        let counts = clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let engine = try engineThroughput(texts)
        print(String(format: "%-28@ %10.1f texts/s", "engine, batches of 64" as NSString, engine))
        let service = try await BenchServer.start(["model-service", "--port", "0", "--model-dir", modelDirectory], readyPath: "/ready")
        defer { service.stop() }
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            _ = try await measure(http, url: service.baseURL + "/predict", texts: texts, clients: 4, seconds: 2)  // warm-up
            for count in counts {
                let result = try await measure(http, url: service.baseURL + "/predict", texts: texts, clients: count, seconds: seconds)
                print(String(format: "%-28@ %10.1f texts/s  %5.1f %% of engine  p50 %7.1f ms  p99 %7.1f ms  %d errors",
                             "HTTP, \(count) clients" as NSString, result.throughput, 100 * result.throughput / engine,
                             result.p50, result.p99, result.errors))
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    /// Texts per second of the engine scoring the corpus in batches of 64 for `seconds`.
    private func engineThroughput(_ texts: [String]) throws -> Double {
        let model = try TransformerModel(directory: URL(fileURLWithPath: modelDirectory))
        _ = try model.score(Array(texts.prefix(64)))
        let start = Date()
        var scored = 0
        while Date().timeIntervalSince(start) < seconds {
            let offset = (scored / 64 * 64) % max(1, texts.count - 64)
            scored += try model.score(Array(texts[offset..<min(texts.count, offset + 64)])).count
        }
        return Double(scored) / Date().timeIntervalSince(start)
    }

    private struct Measurement {
        var throughput: Double
        var p50: Double
        var p99: Double
        var errors: Int
    }

    private func measure(_ http: HTTPClient, url: String, texts: [String], clients: Int, seconds: Double) async throws -> Measurement {
        let deadline = Date().addingTimeInterval(seconds)
        let start = Date()
        let perClient = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for client in 0..<clients {
                group.addTask {
                    var latencies: [Double] = []
                    var errors = 0
                    var index = client
                    while Date() < deadline {
                        var request = HTTPClientRequest(url: url)
                        request.method = .POST
                        request.headers.add(name: "Content-Type", value: "application/json")
                        let body = try JSONSerialization.data(withJSONObject: ["text": texts[index % texts.count]])
                        request.body = .bytes(ByteBuffer(bytes: body))
                        let sent = Date()
                        let response = try await http.execute(request, timeout: .seconds(60))
                        _ = try await response.body.collect(upTo: 1 << 20)
                        if response.status == .ok { latencies.append(Date().timeIntervalSince(sent) * 1000) } else { errors += 1 }
                        index += clients
                    }
                    return (latencies, errors)
                }
            }
            return try await group.reduce(into: [([Double], Int)]()) { $0.append($1) }
        }
        let elapsed = Date().timeIntervalSince(start)
        let latencies = perClient.flatMap(\.0).sorted()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
        }
        return Measurement(throughput: Double(latencies.count) / elapsed, p50: percentile(0.5), p99: percentile(0.99),
                           errors: perClient.map(\.1).reduce(0, +))
    }
}
