import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import ValenceApp
import ValenceModels

/// `valence bench http`: POST /predict on a `valence model-service` process under 1, 16 and 64 concurrent clients,
/// against the engine's own batched throughput for the same model, measured in interleaved slices of the same run
/// (DESIGN.md section 11: dynamic batching keeps 64 clients within 90 % of the engine).
struct BenchHTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Model-service throughput and latency under concurrent clients vs. the engine's batch throughput."
    )

    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder.") var modelDirectory: String
    @Option(help: "JSONL corpus with a text field.") var corpus = "Benchmarks/corpus/tweets.jsonl"
    @Option(help: "Seconds per measurement (engine and HTTP each, per client count).") var seconds = 12.0
    @Option(help: "Concurrent client counts, comma-separated.") var clients = "1,16,64"
    @Option(help: "Engine and HTTP slices per client count, interleaved, so that drift on a shared machine hits both.")
    var rounds = 3

    func run() async throws {
        let texts = try BenchCorpus.texts(corpus)
        let counts = clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let model = try TransformerModel(directory: URL(fileURLWithPath: modelDirectory))
        _ = try model.score(Array(texts.prefix(64)))  // warm-up
        let service = try await BenchServer.start(["model-service", "--port", "0", "--model-dir", modelDirectory], readyPath: "/ready")
        defer { service.stop() }
        // One connection per client: AsyncHTTPClient's default of 8 connections per host would queue the rest in
        // the client, and the service would never see more than 8 requests at once.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60),
                                             concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, counts.max() ?? 1))
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            _ = try await measure(http, url: service.baseURL + "/predict", texts: texts, clients: 4, seconds: 2)  // warm-up
            let slice = seconds / Double(max(1, rounds))
            for count in counts {
                var engine = Throughput()
                var served = Throughput()
                var latencies: [Double] = []
                var errors = 0
                var batches = BatchTotals()
                for _ in 0..<max(1, rounds) {
                    engine.add(try engineSlice(model, texts, seconds: slice))
                    let before = try await BatchTotals.read(http, service.baseURL)
                    let result = try await measure(http, url: service.baseURL + "/predict", texts: texts, clients: count, seconds: slice)
                    batches.add(try await BatchTotals.read(http, service.baseURL).minus(before))
                    served.add((result.latencies.count, result.elapsed))
                    latencies += result.latencies
                    errors += result.errors
                }
                latencies.sort()
                func percentile(_ p: Double) -> Double {
                    latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int((p * Double(latencies.count)).rounded(.up)) - 1)]
                }
                print(String(format: "%-18@ %7.1f texts/s  engine (batches of 64) %7.1f  %5.1f %% of engine  p50 %7.1f ms  p99 %7.1f ms  %d errors",
                             "HTTP, \(count) clients" as NSString, served.rate, engine.rate, 100 * served.rate / engine.rate,
                             percentile(0.5), percentile(0.99), errors))
                print(String(format: "%18@ mean batch %.1f texts, forward passes busy %.0f %% of the time",
                             "" as NSString, batches.meanSize, 100 * batches.seconds / max(served.seconds, 1e-9)))
            }
        } catch {
            try? await http.shutdown()
            throw error
        }
        try await http.shutdown()
    }

    /// Texts scored and seconds taken, summed over slices.
    private struct Throughput {
        var texts = 0
        var seconds = 0.0
        var rate: Double { seconds > 0 ? Double(texts) / seconds : 0 }

        mutating func add(_ slice: (texts: Int, seconds: Double)) {
            texts += slice.texts
            seconds += slice.seconds
        }
    }

    /// The engine scoring the corpus in batches of 64 for `seconds`: texts scored and seconds taken.
    private func engineSlice(_ model: TransformerModel, _ texts: [String], seconds: Double) throws -> (texts: Int, seconds: Double) {
        let start = Date()
        var scored = 0
        while Date().timeIntervalSince(start) < seconds {
            let offset = (scored / 64 * 64) % max(1, texts.count - 64)
            scored += try model.score(Array(texts[offset..<min(texts.count, offset + 64)])).count
        }
        return (scored, Date().timeIntervalSince(start))
    }

    /// The service's batch counters (from GET /metrics), summed over its models.
    private struct BatchTotals {
        var batches = 0
        var texts = 0.0
        var seconds = 0.0
        var meanSize: Double { batches > 0 ? texts / Double(batches) : 0 }

        static func read(_ http: HTTPClient, _ baseURL: String) async throws -> BatchTotals {
            var request = HTTPClientRequest(url: baseURL + "/metrics")
            request.headers.add(name: "Accept", value: "application/json")
            let response = try await http.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 22)
            let snapshot = try JSONDecoder().decode(ModelServiceMetricsSnapshot.self, from: Data(buffer: body))
            var totals = BatchTotals()
            for model in snapshot.models {
                totals.add(BatchTotals(batches: model.batchSize.count, texts: model.batchSize.sum, seconds: model.inferenceDurationSeconds.sum))
            }
            return totals
        }

        mutating func add(_ other: BatchTotals) {
            batches += other.batches
            texts += other.texts
            seconds += other.seconds
        }

        func minus(_ other: BatchTotals) -> BatchTotals {
            BatchTotals(batches: batches - other.batches, texts: texts - other.texts, seconds: seconds - other.seconds)
        }
    }

    private struct Measurement {
        var latencies: [Double]
        var elapsed: Double
        var errors: Int
    }

    private func measure(_ http: HTTPClient, url: String, texts: [String], clients: Int, seconds: Double) async throws -> Measurement {
        // Bodies made up front: the clients share the server's two cores, so they should spend as little as possible.
        let bodies = try texts.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["text": $0])) }
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
                        request.body = .bytes(bodies[index % bodies.count])
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
        return Measurement(latencies: perClient.flatMap(\.0), elapsed: Date().timeIntervalSince(start),
                           errors: perClient.map(\.1).reduce(0, +))
    }
}
