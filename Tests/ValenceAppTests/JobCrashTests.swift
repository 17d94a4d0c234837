import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import ValenceDatabase
import ValenceTestSupport

/// DESIGN.md section 6 across processes on PostgreSQL: a 20,000-text job, its worker killed with SIGKILL mid-job;
/// the job completes and every item has exactly one result.
@Suite("Batch jobs with workers killed mid-job (PostgreSQL)", .serialized, .enabled(if: PostgresTestServer.enabled))
struct JobCrashTests {
    static let size = 20_000
    /// A killed worker's chunk is claimable again after its lease.
    /// Chunks of at most 256 keep many rounds in the job, so the kill lands mid-job.
    static let workerEnvironment = ["JOB_LEASE_SECONDS": "2", "JOB_CHUNK_SIZE": "256", "PRELOAD_MODEL": "vader", "LOG_LEVEL": "info"]

    @Test("the only worker killed and started again: the job completes, each item scored once")
    func restartedWorker() async throws {
        try await withJob { folder, url, api, http, id in
            let first = try await ValenceProcess(["worker", "--data-dir", folder.path, "--database-url", url],
                                                 environment: Self.workerEnvironment, folder: folder, name: "worker-1", ready: "worker started")
            let atKill = try await Self.waitForProgress(http, api: api, id: id, done: 2_000)
            first.kill()
            #expect(atKill < Self.size, "the worker finished before it could be killed")
            let second = try await ValenceProcess(["worker", "--data-dir", folder.path, "--database-url", url],
                                                  environment: Self.workerEnvironment, folder: folder, name: "worker-2", ready: "worker started")
            print("job crash: worker killed with \(atKill) of \(Self.size) items done")
            return [second]
        }
    }

    @Test("two workers, one killed: the other finishes, each item scored once")
    func oneOfTwoWorkersKilled() async throws {
        try await withJob { folder, url, api, http, id in
            let first = try await ValenceProcess(["worker", "--data-dir", folder.path, "--database-url", url],
                                                 environment: Self.workerEnvironment, folder: folder, name: "worker-1", ready: "worker started")
            let second = try await ValenceProcess(["worker", "--data-dir", folder.path, "--database-url", url],
                                                  environment: Self.workerEnvironment, folder: folder, name: "worker-2", ready: "worker started")
            let atKill = try await Self.waitForProgress(http, api: api, id: id, done: 2_000)
            first.kill()
            #expect(atKill < Self.size, "the worker finished before it could be killed")
            print("job crash (two workers): one killed with \(atKill) of \(Self.size) items done")
            return [first, second]
        }
    }

    /// Starts the API on a fresh schema, submits the job, runs `during` (which starts and kills workers and returns
    /// the ones to keep running), then waits for the job to succeed, checks its results and stops the workers.
    private func withJob(_ during: (URL, String, String, HTTPClient, String) async throws -> [ValenceProcess]) async throws {
        let server = try #require(PostgresTestServer.configured, "CI must provide the PostgreSQL server of scripts/ci-postgres.sh")
        try await server.withFreshSchema { url in
            try await withTemporaryDirectory { folder in
                let api = try await ValenceProcess(
                    ["serve", "--port", "0", "--data-dir", folder.path, "--database-url", url, "--no-worker"],
                    folder: folder, name: "api")
                defer { api.stop() }
                try await withHTTPClient { http in
                    let texts = (0..<Self.size).map { "text \($0): \($0 % 3 == 0 ? "I love it" : $0 % 3 == 1 ? "awful" : "fine")" }
                    let body = String(decoding: try JSONSerialization.data(withJSONObject: ["texts": texts, "model": "vader"]), as: UTF8.self)
                    let submitted = try await http.call(api.baseURL + "/jobs", method: .POST, json: body)
                    #expect(submitted.status == .accepted, "\(submitted.text)")
                    let id = try #require(submitted.json["id"] as? String)
                    let workers = try await during(folder, url, api.baseURL, http, id)
                    defer { workers.forEach { $0.stop() } }
                    var job: [String: Any] = [:]
                    for _ in 0..<1_200 {
                        job = try await http.call(api.baseURL + "/jobs/\(id)").json
                        if job["state"] as? String != "running" && job["state"] as? String != "queued" { break }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    #expect(job["state"] as? String == "succeeded", "\(job)")
                    if job["state"] as? String != "succeeded" {
                        for name in ["worker-1", "worker-2"] {
                            let log = (try? String(contentsOf: folder.appendingPathComponent("\(name).err"), encoding: .utf8)) ?? ""
                            print("\(name) stderr:\n\(log.suffix(3_000))")
                        }
                    }
                    let counts = job["counts"] as? [String: Any] ?? [:]
                    #expect(counts["done"] as? Int == Self.size && counts["failed"] as? Int == 0)
                    let results = try await http.call(api.baseURL + "/jobs/\(id)/results")
                    let lines = results.text.split(separator: "\n")
                    let seqs = lines.compactMap { line in
                        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).flatMap {
                            $0?["sentiment"] != nil ? $0?["seq"] as? Int : nil
                        }
                    }
                    #expect(lines.count == Self.size)
                    let inOrder = seqs == Array(0..<Self.size)
                    #expect(inOrder, "every item has exactly one result, in order: \(seqs.count) results, \(Set(seqs).count) distinct")
                    // Items scored twice (the killed worker's chunk) are stored once among the predictions too.
                    let database = try await DatabaseConfiguration.parse(url: url).open(logger: .quiet)
                    let row = try await database.database.raw(
                        "SELECT COUNT(*) AS n, COUNT(DISTINCT text) AS d FROM predictions WHERE text LIKE 'text %'").first()
                    try await database.close()
                    let stored = try row?.decode(column: "n", as: Int.self), distinct = try row?.decode(column: "d", as: Int.self)
                    #expect(stored == distinct, "no prediction stored twice")
                }
            }
        }
    }

    /// Polls the job until at least `done` items are done; returns the count seen.
    private static func waitForProgress(_ http: HTTPClient, api: String, id: String, done: Int) async throws -> Int {
        for _ in 0..<1_200 {
            let job = try await http.call(api + "/jobs/\(id)").json
            let seen = (job["counts"] as? [String: Any])?["done"] as? Int ?? 0
            if seen >= done { return seen }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw LoadError("the job made no progress")
    }
}
