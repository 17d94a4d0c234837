import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import ValenceApp

/// `valence bench jobs`: end-to-end throughput of one batch job (upload, queue, `valence worker` processes scoring
/// and storing, job settled) with 1 and 2 workers, against `valence analyze` scoring the same file directly (no
/// queue, no database), measured in the same run.
struct BenchJobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Batch-job throughput with 1 and 2 workers vs. `valence analyze` on the same texts."
    )

    @Option(help: "Texts in the job (the corpus cycled).") var texts = 100_000
    @Option(help: "JSONL corpus with a text field.") var corpus = "Benchmarks/corpus/tweets.jsonl"
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder (default: VADER).") var modelDirectory: String?
    @Option(help: "Worker process counts, comma-separated.") var workers = "1,2"
    @Option(name: .customLong("database-url"),
            help: "PostgreSQL for the queue (postgres://…); default a fresh SQLite file, which runs one worker only.")
    var databaseURL: String?

    func run() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("valence-bench-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("input.jsonl").path
        _ = try BenchCorpus.write(records: texts, cycling: corpus, to: input)
        let modelArguments = modelDirectory.map { ["--model-dir", $0] } ?? []
        let modelKey = modelDirectory.map { ModelFolder(url: URL(fileURLWithPath: $0)).key } ?? "vader"

        let direct = try BenchProcess.time(BenchProcess.selfExecutable,
                                           ["analyze"] + (modelDirectory == nil ? ["--model", "vader"] : modelArguments)
                                               + ["--input", input, "--output", "/dev/null"])
        print(BenchProcess.row("analyze (direct, \(modelKey))", seconds: direct, records: texts))
        for count in workers.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
            guard count == 1 || databaseURL != nil else {
                print("job, \(count) workers: skipped (several worker processes need --database-url, PostgreSQL)")
                continue
            }
            let seconds = try await runJob(input: input, workers: count, modelKey: modelKey, modelArguments: modelArguments,
                                           dataDirectory: work.appendingPathComponent("data-\(count)").path)
            print(BenchProcess.row("job, \(count) worker\(count == 1 ? "" : "s") (\(databaseURL == nil ? "SQLite" : "PostgreSQL"))",
                                   seconds: seconds, records: texts)
                  + String(format: "  %.2f× analyze", direct / seconds))
        }
    }

    /// Seconds from the start of the upload until the job has succeeded.
    private func runJob(input: String, workers: Int, modelKey: String, modelArguments: [String], dataDirectory: String) async throws -> Double {
        let storage = ["--data-dir", dataDirectory] + (databaseURL.map { ["--database-url", $0] } ?? [])
        let quiet = ["LOG_LEVEL": "error"]
        let api = try await BenchServer.start(["serve", "--no-worker", "--port", "0"] + storage, environment: quiet, readyPath: "/health")
        var started: [Process] = []
        defer {
            for process in started { BenchServer.stop(process) }
            api.stop()
        }
        // The cores are shared: each worker's matrix products get an equal share of them.
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount / workers)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        do {
            let begin = Date()
            let id = try await submit(input, model: modelKey, api: api.baseURL, http: http)
            for _ in 0..<workers {
                started.append(try BenchServer.launch(["worker"] + storage + modelArguments,
                                                      environment: quiet.merging(["OPENBLAS_NUM_THREADS": String(threads)]) { $1 }))
            }
            var state = "queued"
            while state == "queued" || state == "running" {
                try await Task.sleep(for: .milliseconds(200))
                let response = try await http.execute(HTTPClientRequest(url: api.baseURL + "/jobs/\(id)"), timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 1 << 20)
                state = (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["state"] as? String ?? "?"
            }
            let seconds = Date().timeIntervalSince(begin)
            try await http.shutdown()
            guard state == "succeeded" else { throw BenchError("the job ended \(state)") }
            return seconds
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    private func submit(_ input: String, model: String, api: String, http: HTTPClient) async throws -> String {
        let size = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        var request = HTTPClientRequest(url: api + "/jobs?format=jsonl&model=\(model)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-ndjson")
        request.body = .stream(FileChunks(path: input), length: .known(Int64(size)))
        let response = try await http.execute(request, timeout: .minutes(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .accepted,
              let id = (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["id"] as? String else {
            throw BenchError("POST /jobs: HTTP \(response.status.code) \(String(buffer: body))")
        }
        return id
    }
}
