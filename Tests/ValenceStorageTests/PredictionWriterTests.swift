import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import ValenceTestSupport
import ValenceCore
import ValenceStorage

/// A repository that fails while `down` is set and keeps what it stores, in order.
final class FlakyRepository: PredictionRepository {
    private let state = Mutex((down: false, stored: [PredictionRecord](), attempts: 0))

    func setDown(_ down: Bool) { state.withLock { $0.down = down } }
    var stored: [PredictionRecord] { state.withLock { $0.stored } }
    var attempts: Int { state.withLock { $0.attempts } }

    func insert(_ records: [PredictionRecord]) async throws {
        try state.withLock {
            $0.attempts += 1
            if $0.down { throw CancellationError() }
            let known = Set($0.stored.map(\.id))
            $0.stored.append(contentsOf: records.filter { !known.contains($0.id) })
        }
    }
    func analytics(_ query: AnalyticsQuery) async throws -> AnalyticsReport { AnalyticsReport(totalPredictions: stored.count) }
    func count() async throws -> Int { stored.count }
}

@Suite("Prediction writer: bounded, ordered, retried")
struct PredictionWriterTests {
    let logger = Logger.quiet

    private func records(_ range: Range<Int>) -> [PredictionRecord] {
        range.map { Fixtures.record($0, sentiment: .neutral, model: "vader") }
    }

    /// Runs the writer in a service group for the duration of `body`, then shuts it down gracefully.
    private func withRunningWriter(_ writer: PredictionWriter, _ body: () async throws -> Void) async throws {
        let group = ServiceGroup(services: [writer], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await body()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<200 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test("waiting for room holds a producer back until the database has caught up, losing nothing")
    func backpressure() async throws {
        let repository = FlakyRepository()
        repository.setDown(true)
        let writer = PredictionWriter(repository: repository, capacity: 10, batchSize: 5, maxBackoff: .milliseconds(20), logger: logger)
        try await withRunningWriter(writer) {
            writer.record(records(0..<10))
            let waiter = Task { await writer.waitForRoom(4) }
            try await Task.sleep(for: .milliseconds(50))
            #expect(writer.snapshot.pending == 10)
            repository.setDown(false)
            await waiter.value
            writer.record(records(10..<14))
            try await waitUntil { repository.stored.count == 14 }
        }
        #expect(repository.stored.map(\.id) == records(0..<14).map(\.id))
        #expect(writer.snapshot.dropped == 0)
    }

    @Test("records are written in order while the database is up")
    func writesInOrder() async throws {
        let repository = FlakyRepository()
        let writer = PredictionWriter(repository: repository, batchSize: 7, logger: logger)
        try await withRunningWriter(writer) {
            writer.record(records(0..<20))
            writer.record(records(20..<25))
            try await waitUntil { repository.stored.count == 25 }
        }
        #expect(repository.stored.map(\.id) == records(0..<25).map(\.id))
        #expect(writer.snapshot.written == 25)
        #expect(writer.snapshot.pending == 0)
    }

    @Test("records wait while the database is down and are stored once when it returns")
    func survivesOutage() async throws {
        let repository = FlakyRepository()
        repository.setDown(true)
        let writer = PredictionWriter(repository: repository, maxBackoff: .milliseconds(100), logger: logger)
        try await withRunningWriter(writer) {
            writer.record(records(0..<10))
            try await waitUntil { repository.attempts >= 3 }
            #expect(repository.stored.isEmpty)
            #expect(writer.snapshot.pending == 10)
            #expect(writer.snapshot.lastError != nil)
            writer.record(records(10..<15))
            repository.setDown(false)
            try await waitUntil { repository.stored.count == 15 }
        }
        #expect(repository.stored.map(\.id) == records(0..<15).map(\.id))
        #expect(writer.snapshot.lastError == nil)
    }

    @Test("an overflow is counted, never silent")
    func overflowCounted() async throws {
        let repository = FlakyRepository()
        repository.setDown(true)
        let writer = PredictionWriter(repository: repository, capacity: 10, logger: logger)
        writer.record(records(0..<8))
        writer.record(records(8..<15))
        #expect(writer.snapshot.pending == 10)
        #expect(writer.snapshot.dropped == 5)
    }

    @Test("shutdown flushes what is buffered")
    func flushOnShutdown() async throws {
        let repository = FlakyRepository()
        let writer = PredictionWriter(repository: repository, logger: logger)
        try await withRunningWriter(writer) {
            writer.record(records(0..<3))
        }
        #expect(repository.stored.count == 3)
    }
}
