import Foundation
import SQLKit
import Testing
import ValenceCore
import ValenceDatabaseTestSupport
import ValenceStorage

/// The `JobRepository` conformance suite: every check runs on any migrated `SQLDatabase`.
enum JobRepositoryConformance {
    static let start = JobFixtures.start
    static let lease = Duration.seconds(30)

    static let checks: [ConformanceCheck] = [
        ConformanceCheck("items are appended in batches, once per seq; only a sealed job is claimed", submitAndSeal),
        ConformanceCheck("unknown job ids are not found", unknownIDs),
        ConformanceCheck("a claim marks the job running and carries its model and source", claimStartsJob),
        ConformanceCheck("a claim takes items of the oldest job with claimable items, in seq order", claimOrder),
        ConformanceCheck("a held lease is not claimed again; an expired one is", expiredLease),
        ConformanceCheck("completing twice stores one result; the first one stays", completeTwice),
        ConformanceCheck("a job whose items are all done succeeds, with counts and progress", succeeds),
        ConformanceCheck("transient failures retry after a delay until attempts run out; the job then fails", retries),
        ConformanceCheck("a permanent failure fails the item at once", permanentFailure),
        ConformanceCheck("release hands items back without counting the attempt", release),
        ConformanceCheck("cancel stops claims; finished jobs cannot be cancelled", cancel),
        ConformanceCheck("results come back in seq order, paged, with input records and stored scores", results),
        ConformanceCheck("jobs are listed newest first, paged", listing),
        ConformanceCheck("a sealed job without items succeeds at once", emptyJob),
        ConformanceCheck("settling catches a job whose last worker died before settling it", settleSweep),
    ]

    static func submitAndSeal(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await repository.createJob(NewJob(model: nil, source: "upload", inputFormat: .csv, textField: "body",
                                                        createdAt: start))
        #expect(job.state == .queued && !job.isSealed && job.counts == JobCounts())
        #expect(job.model == nil && job.source == "upload" && job.inputFormat == .csv && job.textField == "body")
        try await repository.appendItems([NewJobItem(seq: 0, text: "a", inputRecord: "1,a"),
                                          NewJobItem(seq: 1, text: "b", inputRecord: "2,b")], to: job.id)
        try await repository.appendItems([NewJobItem(seq: 1, text: "again"), NewJobItem(seq: 2, text: "c")], to: job.id)
        #expect(try await repository.claim(workerID: "w", limit: 10, lease: lease, now: start).isEmpty)
        await #expect(throws: ValenceError.self) { try await repository.seal(job.id, total: 4, now: start) }
        let sealed = try await repository.seal(job.id, total: 3, inputColumns: ["id", "body \"q\""], now: start)
        #expect(sealed.isSealed && sealed.counts.pending == 3)
        #expect(sealed.inputColumns == ["id", "body \"q\""])
        #expect(try await repository.seal(job.id, total: 3, inputColumns: ["id", "body \"q\""], now: start) == sealed)
        await #expect(throws: ValenceError.self) { try await repository.appendItems([NewJobItem(seq: 3, text: "d")], to: job.id) }
        let claimed = try await repository.claim(workerID: "w", limit: 10, lease: lease, now: start)
        #expect(claimed.map(\.text) == ["a", "b", "c"])
    }

    static func unknownIDs(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let unknown = UUID()
        let notFound = ValenceError.notFound("no job has the id \(unknown.uuidString.lowercased())")
        await #expect(throws: notFound) { try await repository.job(unknown) }
        await #expect(throws: notFound) { try await repository.cancel(unknown, now: start) }
        await #expect(throws: notFound) { try await repository.results(unknown, afterSeq: nil, limit: 10) }
        await #expect(throws: notFound) { try await repository.appendItems([NewJobItem(seq: 0, text: "a")], to: unknown) }
        await #expect(throws: notFound) { try await repository.seal(unknown, total: 0, now: start) }
    }

    static func claimStartsJob(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 3, model: "distilbert", source: "reviews")
        let claimed = try await repository.claim(workerID: "w", limit: 2, lease: lease, now: start.addingTimeInterval(5))
        #expect(claimed.map(\.key.seq) == [0, 1])
        #expect(claimed.allSatisfy { $0.model == "distilbert" && $0.source == "reviews" && $0.attempts == 1 })
        #expect(claimed.allSatisfy { $0.leaseExpiresAt == start.addingTimeInterval(35) })
        let running = try await repository.job(job.id)
        #expect(running.state == .running && running.startedAt == start.addingTimeInterval(5))
        #expect(running.counts == JobCounts(pending: 1, leased: 2))
    }

    static func claimOrder(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let newer = try await JobFixtures.sealedJob(repository, count: 3, createdAt: start.addingTimeInterval(10))
        let older = try await JobFixtures.sealedJob(repository, count: 3, createdAt: start)
        let now = start.addingTimeInterval(20)
        let first = try await repository.claim(workerID: "w", limit: 5, lease: lease, now: now)
        #expect(first.map(\.key) == (0..<3).map { JobItemKey(jobID: older.id, seq: $0) })
        let second = try await repository.claim(workerID: "w", limit: 2, lease: lease, now: now)
        #expect(second.map(\.key) == (0..<2).map { JobItemKey(jobID: newer.id, seq: $0) })
    }

    static func expiredLease(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        try await JobFixtures.sealedJob(repository, count: 4)
        let first = try await repository.claim(workerID: "a", limit: 2, lease: lease, now: start)
        let second = try await repository.claim(workerID: "b", limit: 10, lease: lease, now: start.addingTimeInterval(29))
        #expect(first.map(\.key.seq) == [0, 1] && second.map(\.key.seq) == [2, 3])
        #expect(try await repository.claim(workerID: "c", limit: 10, lease: lease, now: start.addingTimeInterval(29)).isEmpty)
        #expect(try await repository.extendLease(first.map(\.key), workerID: "a", lease: lease, now: start.addingTimeInterval(20)) == 2)
        #expect(try await repository.claim(workerID: "c", limit: 10, lease: lease, now: start.addingTimeInterval(31)).isEmpty)
        let reclaimed = try await repository.claim(workerID: "c", limit: 10, lease: lease, now: start.addingTimeInterval(51))
        #expect(reclaimed.map(\.key.seq) == [0, 1])
        #expect(reclaimed.allSatisfy { $0.attempts == 2 })
        #expect(try await repository.extendLease(first.map(\.key), workerID: "a", lease: lease, now: start.addingTimeInterval(52)) == 0)
    }

    static func completeTwice(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 3)
        let first = try await repository.claim(workerID: "a", limit: 3, lease: lease, now: start)
        // a's lease expires; b claims and stores first; a's late results are dropped.
        let second = try await repository.claim(workerID: "b", limit: 3, lease: lease, now: start.addingTimeInterval(31))
        #expect(second.map(\.key) == first.map(\.key))
        #expect(try await repository.complete(JobFixtures.completed(Array(second.prefix(2)), by: "b"), workerID: "b", now: start.addingTimeInterval(32)) == 2)
        #expect(try await repository.complete(JobFixtures.completed(first, by: "a"), workerID: "a", now: start.addingTimeInterval(33)) == 1)
        #expect(try await repository.complete(JobFixtures.completed(first, by: "a"), workerID: "a", now: start.addingTimeInterval(34)) == 0)
        let stored = try await repository.results(job.id, afterSeq: nil, limit: 10)
        #expect(stored.map { $0.result?.model } == ["b", "b", "a"])
        #expect(try await repository.job(job.id).counts == JobCounts(done: 3))
    }

    static func succeeds(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 4)
        let claimed = try await repository.claim(workerID: "w", limit: 3, lease: lease, now: start)
        try await repository.complete(JobFixtures.completed(claimed, by: "w"), workerID: "w", now: start.addingTimeInterval(1))
        let partial = try await repository.job(job.id)
        #expect(partial.state == .running && partial.progress == 0.75 && partial.finishedAt == nil)
        let rest = try await repository.claim(workerID: "w", limit: 3, lease: lease, now: start.addingTimeInterval(2))
        try await repository.complete(JobFixtures.completed(rest, by: "w"), workerID: "w", now: start.addingTimeInterval(3))
        let done = try await repository.job(job.id)
        #expect(done.state == .succeeded && done.progress == 1 && done.counts == JobCounts(done: 4))
        #expect(done.finishedAt == start.addingTimeInterval(3) && done.error == nil)
        #expect(try await repository.claim(workerID: "w", limit: 3, lease: lease, now: start.addingTimeInterval(4)).isEmpty)
    }

    static func retries(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 2, maxAttempts: 2)
        let first = try await repository.claim(workerID: "w", limit: 1, lease: lease, now: start)
        try await repository.fail(first.map(\.key), workerID: "w", error: "overloaded", retryable: true,
                                  retryAt: start.addingTimeInterval(10), now: start.addingTimeInterval(1))
        #expect(try await repository.job(job.id).counts == JobCounts(pending: 2))
        // Not claimable before its retry time: the other item comes first.
        let other = try await repository.claim(workerID: "w", limit: 5, lease: lease, now: start.addingTimeInterval(5))
        #expect(other.map(\.key.seq) == [1])
        try await repository.complete(JobFixtures.completed(other, by: "w"), workerID: "w", now: start.addingTimeInterval(6))
        let retry = try await repository.claim(workerID: "w", limit: 5, lease: lease, now: start.addingTimeInterval(10))
        #expect(retry.map(\.key.seq) == [0] && retry[0].attempts == 2)
        try await repository.fail(retry.map(\.key), workerID: "w", error: "overloaded again", retryable: true,
                                  retryAt: start.addingTimeInterval(20), now: start.addingTimeInterval(11))
        let failed = try await repository.job(job.id)
        #expect(failed.state == .failed && failed.counts == JobCounts(done: 1, failed: 1))
        #expect(failed.error == "1 of 2 items failed (at most 2 attempts each); first, item 0: overloaded again")
        let items = try await repository.results(job.id, afterSeq: nil, limit: 10)
        #expect(items.map(\.state) == [.failed, .done] && items[0].error == "overloaded again" && items[0].result == nil)
    }

    static func permanentFailure(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 1)
        let claimed = try await repository.claim(workerID: "w", limit: 1, lease: lease, now: start)
        // Only the lease holder records a failure.
        try await repository.fail(claimed.map(\.key), workerID: "other", error: "x", retryable: false, retryAt: start, now: start)
        #expect(try await repository.job(job.id).counts == JobCounts(leased: 1))
        try await repository.fail(claimed.map(\.key), workerID: "w", error: "unknown model", retryable: false,
                                  retryAt: start, now: start)
        let failed = try await repository.job(job.id)
        #expect(failed.state == .failed && failed.counts == JobCounts(failed: 1))
    }

    static func release(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 2)
        let claimed = try await repository.claim(workerID: "w", limit: 2, lease: lease, now: start)
        try await repository.release(claimed.map(\.key), workerID: "other")
        #expect(try await repository.job(job.id).counts == JobCounts(leased: 2))
        try await repository.release(claimed.map(\.key), workerID: "w")
        #expect(try await repository.job(job.id).counts == JobCounts(pending: 2))
        let again = try await repository.claim(workerID: "v", limit: 2, lease: lease, now: start)
        #expect(again.map(\.attempts) == [1, 1])
    }

    static func cancel(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 3)
        let claimed = try await repository.claim(workerID: "w", limit: 1, lease: lease, now: start)
        let cancelled = try await repository.cancel(job.id, now: start.addingTimeInterval(1))
        #expect(cancelled.state == .cancelled && cancelled.finishedAt == start.addingTimeInterval(1))
        #expect(try await repository.claim(workerID: "w", limit: 5, lease: lease, now: start.addingTimeInterval(100)).isEmpty)
        #expect(try await repository.cancel(job.id, now: start.addingTimeInterval(2)).finishedAt == start.addingTimeInterval(1))
        // A result arriving after the cancel is kept; the job stays cancelled.
        try await repository.complete(JobFixtures.completed(claimed, by: "w"), workerID: "w", now: start.addingTimeInterval(3))
        #expect(try await repository.job(job.id).state == .cancelled)

        let finished = try await JobFixtures.sealedJob(repository, count: 1)
        let item = try await repository.claim(workerID: "w", limit: 1, lease: lease, now: start)
        try await repository.complete(JobFixtures.completed(item, by: "w"), workerID: "w", now: start)
        await #expect(throws: ValenceError.invalidInput(
            "job \(finished.id.uuidString.lowercased()): a succeeded job cannot be cancelled")) {
            try await repository.cancel(finished.id, now: start)
        }
        let open = try await repository.createJob(NewJob(createdAt: start))
        try await repository.cancel(open.id, now: start)
        await #expect(throws: ValenceError.self) { try await repository.appendItems([NewJobItem(seq: 0, text: "a")], to: open.id) }
    }

    static func results(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await repository.createJob(NewJob(inputFormat: .jsonl, textField: "text", createdAt: start))
        let items = (0..<5).reversed().map { NewJobItem(seq: $0, text: "t\($0)", inputRecord: "{\"id\":\($0),\"text\":\"t\($0)\"}") }
        try await repository.appendItems(items, to: job.id)
        try await repository.seal(job.id, total: 5, now: start)
        let claimed = try await repository.claim(workerID: "w", limit: 2, lease: lease, now: start)
        try await repository.complete(JobFixtures.completed(claimed, by: "m"), workerID: "w", now: start)
        let page1 = try await repository.results(job.id, afterSeq: nil, limit: 2)
        let page2 = try await repository.results(job.id, afterSeq: page1.last?.seq, limit: 2)
        let page3 = try await repository.results(job.id, afterSeq: page2.last?.seq, limit: 2)
        #expect(page1.map(\.seq) == [0, 1] && page2.map(\.seq) == [2, 3] && page3.map(\.seq) == [4])
        #expect(try await repository.results(job.id, afterSeq: 4, limit: 2).isEmpty)
        #expect(page1[0].inputRecord == "{\"id\":0,\"text\":\"t0\"}" && page1[0].text == "t0")
        #expect(page1[0].result == JobFixtures.result("m") && page1[0].state == .done)
        #expect(page1[0].scoresJSON == "{\"neg\":0.1,\"pos\":0.9}")
        #expect(page2[0].state == .pending && page2[0].result == nil && page2[0].scoresJSON == nil)
    }

    static func listing(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        var ids: [UUID] = []
        for index in 0..<5 {
            ids.append(try await JobFixtures.sealedJob(repository, count: index, createdAt: start.addingTimeInterval(Double(index))).id)
        }
        let first = try await repository.list(page: 1, pageSize: 2)
        let last = try await repository.list(page: 3, pageSize: 2)
        #expect(first.jobs.map(\.id) == [ids[4], ids[3]] && first.totalJobs == 5)
        #expect(first.jobs.map(\.counts.total) == [4, 3])
        #expect(last.jobs.map(\.id) == [ids[0]] && last.page == 3)
        #expect(try await repository.list(page: 4, pageSize: 2).jobs.isEmpty)
        await #expect(throws: ValenceError.self) { try await repository.list(page: 0, pageSize: 2) }
        await #expect(throws: ValenceError.self) { try await repository.list(page: 1, pageSize: 501) }
    }

    static func emptyJob(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 0)
        #expect(job.state == .succeeded && job.progress == 0 && job.finishedAt == start)
    }

    static func settleSweep(_ database: any SQLDatabase) async throws {
        let repository = SQLJobRepository(database: database)
        let job = try await JobFixtures.sealedJob(repository, count: 2)
        let claimed = try await repository.claim(workerID: "w", limit: 2, lease: lease, now: start)
        try await repository.complete(JobFixtures.completed(claimed, by: "w"), workerID: "w", now: start)
        // As if the worker had died between storing the results and settling the job.
        try await database.raw("UPDATE jobs SET state = 'running', finished_at = NULL").run()
        #expect(try await repository.settleFinishedJobs(now: start.addingTimeInterval(9)) == 1)
        #expect(try await repository.settleFinishedJobs(now: start.addingTimeInterval(10)) == 0)
        let settled = try await repository.job(job.id)
        #expect(settled.state == .succeeded && settled.finishedAt == start.addingTimeInterval(9))
    }
}

@Suite("Job repository conformance")
struct JobRepositoryTests {
    @Test("conformance", arguments: TestDatabase.available, JobRepositoryConformance.checks)
    func conformance(_ target: TestDatabase, _ check: ConformanceCheck) async throws {
        try await target.withDatabase(check.run)
    }
}
