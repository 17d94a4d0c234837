import Foundation
import Logging
import Testing
import ValenceJobs
import ValenceStorage
import ValenceTestSupport

/// Jobs and workers for the worker tests, with short pauses so that the suite stays fast.
enum WorkerFixtures {
    static func configuration(_ workerID: String, chunkSize: Int = 64, lease: Duration = .seconds(30)) -> JobWorkerConfiguration {
        JobWorkerConfiguration(workerID: workerID, chunkSize: chunkSize, lease: lease, pollInterval: .milliseconds(10),
                               pollJitter: 0.2, initialBackoff: .milliseconds(5), maxBackoff: .milliseconds(40))
    }

    static func worker(_ repository: any JobRepository, _ scorer: FakeScorer, id: String = "worker-1", chunkSize: Int = 64,
                       lease: Duration = .seconds(30)) -> JobWorker {
        JobWorker(repository: repository, scorer: scorer.scorer,
                  configuration: configuration(id, chunkSize: chunkSize, lease: lease), logger: .quiet)
    }

    /// A sealed job of `count` texts submitted as JSONL, created now.
    static func submit(_ repository: SQLJobRepository, count: Int, model: String? = "fake", maxAttempts: Int = 5,
                       texts: (Int) -> String = { "text number \($0)" }) async throws -> Job {
        let job = try await repository.createJob(NewJob(model: model, source: "test", inputFormat: .jsonl, textField: "text",
                                                        maxAttempts: maxAttempts))
        var seq = 0
        while seq < count {  // in batches, as a streamed upload arrives
            let end = min(seq + 500, count)
            try await repository.appendItems((seq..<end).map { NewJobItem(seq: $0, text: texts($0), inputRecord: "{\"n\":\($0)}") },
                                             to: job.id)
            seq = end
        }
        return try await repository.seal(job.id, total: count, now: Date())
    }

    /// Polls until the job is finished or `timeout` passes; returns the last state seen.
    static func waitUntilFinished(_ repository: any JobRepository, _ jobID: UUID, timeout: Duration = .seconds(15)) async throws -> Job {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var job = try await repository.job(jobID)
        while !job.state.isFinished, clock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            job = try await repository.job(jobID)
        }
        return job
    }

    /// Runs `workers` while `body` runs, then cancels them and waits for them to stop.
    static func whileRunning<T: Sendable>(_ workers: [JobWorker], _ body: @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            for worker in workers {
                group.addTask {
                    try await worker.run()
                    return nil
                }
            }
            let result = try await body()
            group.cancelAll()
            while try await group.next() != nil {}
            return result
        }
    }

    /// Every item of the job, fetched page by page.
    static func allResults(_ repository: any JobRepository, _ jobID: UUID) async throws -> [JobItemResult] {
        var results: [JobItemResult] = []
        while true {
            let page = try await repository.results(jobID, afterSeq: results.last?.seq, limit: 700)
            if page.isEmpty { return results }
            results += page
        }
    }
}
