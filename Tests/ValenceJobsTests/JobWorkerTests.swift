import Foundation
import Logging
import ServiceLifecycle
import SQLKit
import Testing
import ValenceCore
import ValenceDatabaseTestSupport
import ValenceJobs
import ValenceStorage
import ValenceTestSupport

@Suite("Job worker")
struct JobWorkerTests {
    @Test("a worker finishes a 2,000-item job in chunks, one result per item", arguments: TestDatabase.available)
    func finishesJob(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 2_000)
            let scorer = FakeScorer()
            let worker = WorkerFixtures.worker(repository, scorer)
            let finished = try await WorkerFixtures.whileRunning([worker]) {
                try await WorkerFixtures.waitUntilFinished(repository, job.id)
            }
            #expect(finished.state == .succeeded && finished.counts == JobCounts(done: 2_000))
            #expect(scorer.calls == 32)  // ⌈2000 / 64⌉
            let results = try await WorkerFixtures.allResults(repository, job.id)
            #expect(results.map(\.seq) == Array(0..<2_000))
            #expect(results.allSatisfy { $0.result == FakeScorer.result(for: $0.text, model: "fake") })
            #expect(results[7].inputRecord == "{\"n\":7}")
            #expect(worker.metrics.snapshot.itemsScored == 2_000 && worker.metrics.snapshot.chunks == 32)
        }
    }

    @Test("a scorer failing transiently a few times still finishes the job", arguments: TestDatabase.available)
    func transientFailures(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 300)
            let scorer = FakeScorer(failingFirst: 3)
            let worker = WorkerFixtures.worker(repository, scorer)
            let finished = try await WorkerFixtures.whileRunning([worker]) {
                try await WorkerFixtures.waitUntilFinished(repository, job.id)
            }
            #expect(finished.state == .succeeded && finished.counts.done == 300)
            #expect(worker.metrics.snapshot.failedChunks == 3)
            #expect(Set(scorer.scoredTexts).count == 300 && scorer.scoredTexts.count == 300)
        }
    }

    @Test("an item that keeps failing uses up its attempts and fails the job; the others are scored")
    func exhaustedAttempts() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 10, maxAttempts: 3) { $0 == 4 ? "poison" : "text \($0)" }
            let scorer = FakeScorer(poison: "poison")
            // Chunks of one item, so that only the poisoned item fails.
            let worker = WorkerFixtures.worker(repository, scorer, chunkSize: 1)
            let finished = try await WorkerFixtures.whileRunning([worker]) {
                try await WorkerFixtures.waitUntilFinished(repository, job.id)
            }
            #expect(finished.state == .failed && finished.counts == JobCounts(done: 9, failed: 1))
            #expect(finished.error?.hasPrefix("1 of 10 items failed (at most 3 attempts each); first, item 4:") == true)
        }
    }

    @Test("an unknown model fails the items at once, without retries")
    func permanentFailure() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 5, model: "nope")
            let scorer = FakeScorer(failingFirst: 100, with: .unknownModel("nope"))
            let worker = WorkerFixtures.worker(repository, scorer)
            let finished = try await WorkerFixtures.whileRunning([worker]) {
                try await WorkerFixtures.waitUntilFinished(repository, job.id)
            }
            #expect(finished.state == .failed && finished.counts.failed == 5)
            #expect(scorer.calls == 1)
        }
    }

    @Test("two workers on separate connections finish one job, every item scored exactly once",
          arguments: TestDatabase.available)
    func twoWorkers(on target: TestDatabase) async throws {
        try await target.withSessions(2) { sessions in
            try await ExclusiveMigrator().run(on: sessions[0], logger: TestDatabase.logger)
            let repositories = sessions.map { SQLJobRepository(database: $0) }
            let job = try await WorkerFixtures.submit(repositories[0], count: 1_000)
            let scorer = FakeScorer(delay: .milliseconds(2))
            let workers = [WorkerFixtures.worker(repositories[0], scorer, id: "worker-a", chunkSize: 32),
                           WorkerFixtures.worker(repositories[1], scorer, id: "worker-b", chunkSize: 32)]
            let finished = try await WorkerFixtures.whileRunning(workers) {
                try await WorkerFixtures.waitUntilFinished(repositories[1], job.id)
            }
            #expect(finished.state == .succeeded && finished.counts == JobCounts(done: 1_000))
            #expect(scorer.scoredTexts.count == 1_000 && Set(scorer.scoredTexts).count == 1_000)
            #expect(workers.allSatisfy { $0.metrics.snapshot.itemsScored > 0 }, "both workers should have taken chunks")
            let scoredBy = try await sessions[0].raw("SELECT COUNT(DISTINCT completed_by) AS n FROM job_items").first()?
                .decode(column: "n", as: Int.self)
            #expect(scoredBy == 2)
        }
    }

    @Test("graceful shutdown mid-job finishes the chunk in hand and leaves the rest claimable",
          arguments: TestDatabase.available)
    func gracefulShutdown(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 400)
            let slow = FakeScorer(delay: .milliseconds(30))
            let worker = WorkerFixtures.worker(repository, slow, chunkSize: 20)
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [worker], logger: .quiet))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                while worker.metrics.snapshot.chunks < 3 { try await Task.sleep(for: .milliseconds(5)) }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            let stopped = try await repository.job(job.id)
            #expect(stopped.state == .running && stopped.counts.leased == 0)
            #expect(stopped.counts.done == slow.scoredTexts.count && stopped.counts.done % 20 == 0)
            #expect(stopped.counts.pending > 0)

            let fast = FakeScorer()
            let finished = try await WorkerFixtures.whileRunning([WorkerFixtures.worker(repository, fast, id: "worker-2")]) {
                try await WorkerFixtures.waitUntilFinished(repository, job.id)
            }
            #expect(finished.state == .succeeded && finished.counts.done == 400)
            #expect(slow.scoredTexts.count + fast.scoredTexts.count == 400)
        }
    }

    @Test("cancelling a worker mid-chunk releases the chunk without counting the attempt")
    func cancellationReleases() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 10)
            let stuck = FakeScorer(delay: .seconds(3_600))
            let worker = WorkerFixtures.worker(repository, stuck)
            try await WorkerFixtures.whileRunning([worker]) {
                while stuck.calls == 0 { try await Task.sleep(for: .milliseconds(5)) }
            }
            #expect(try await repository.job(job.id).counts == JobCounts(pending: 10))
            #expect(worker.metrics.snapshot.databaseErrors == 0)
            let again = try await repository.claim(workerID: "other", limit: 10, lease: .seconds(30), now: Date())
            #expect(again.count == 10 && again.allSatisfy { $0.attempts == 1 })
        }
    }

    @Test("the lease is renewed while a slow chunk is scored, so nobody else claims it")
    func leaseRenewal() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 4)
            let slow = FakeScorer(delay: .milliseconds(900))
            let worker = WorkerFixtures.worker(repository, slow, lease: .milliseconds(300))
            let poachedItems = try await WorkerFixtures.whileRunning([worker]) {
                while slow.calls == 0 { try await Task.sleep(for: .milliseconds(5)) }
                var poached = 0
                var rounds = 0
                while rounds < 30, try await !repository.job(job.id).state.isFinished {
                    rounds += 1
                    try await Task.sleep(for: .milliseconds(100))  // the first lease ends after 300 ms
                    poached += try await repository.claim(workerID: "poacher", limit: 10, lease: .seconds(30), now: Date()).count
                }
                return poached
            }
            #expect(poachedItems == 0)
            let finished = try await repository.job(job.id)
            #expect(finished.state == .succeeded && slow.calls == 1)
        }
    }

    @Test("a round without claimable items is idle")
    func idleRound() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let worker = WorkerFixtures.worker(SQLJobRepository(database: database), FakeScorer())
            #expect(await worker.runRound() == .idle)
        }
    }
}
