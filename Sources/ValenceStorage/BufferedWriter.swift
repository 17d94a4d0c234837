import Logging
import ServiceLifecycle
import Synchronization
import ValenceCore

/// Writes records (predictions, breaker events) to the database without ever blocking the caller: records wait
/// in a bounded buffer, are written in order in batches, and are retried with capped backoff while the
/// database is away. Writes must be idempotent by record id, so a retried batch is stored once.
/// An overflow drops the newest records and is counted and logged — never silent.
public final class BufferedWriter<Record: Sendable>: Service {
    /// Buffer and loss counters, reported by /status.
    public struct Snapshot: Sendable, Equatable {
        public var pending: Int
        public var capacity: Int
        public var written: Int
        public var dropped: Int
        public var lastError: String?
    }

    private struct State {
        var buffer: [Record] = []
        var written = 0
        var dropped = 0
        var lastError: String?
        var shuttingDown = false
    }

    /// What is written (`prediction`, `breaker event`), for log messages.
    private let label: String
    private let write: @Sendable ([Record]) async throws -> Void
    private let capacity: Int
    private let batchSize: Int
    private let maxBackoff: Duration
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(label: String, capacity: Int, batchSize: Int = 2_000, maxBackoff: Duration = .seconds(5),
                logger: Logger, write: @escaping @Sendable ([Record]) async throws -> Void) {
        self.label = label
        self.write = write
        self.capacity = max(1, capacity)
        self.batchSize = max(1, batchSize)
        self.maxBackoff = maxBackoff
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Buffers records for writing; never blocks.
    public func record(_ records: [Record]) {
        guard !records.isEmpty else { return }
        let dropped: Int = state.withLock { state in
            let room = capacity - state.buffer.count
            let accepted = min(room, records.count)
            state.buffer.append(contentsOf: records.prefix(accepted))
            state.dropped += records.count - accepted
            return records.count - accepted
        }
        if dropped > 0 {
            logger.error("\(label) buffer full: records dropped",
                         metadata: ["buffer.capacity": "\(capacity)", "records.dropped": "\(dropped)"])
        }
        wake.yield()
    }

    /// Waits until `count` more records fit (checking every 10 ms), so a producer that can wait — a job worker —
    /// goes at the database's pace instead of overflowing the buffer. Returns at once when the writer is shutting
    /// down or the task is cancelled.
    public func waitForRoom(_ count: Int) async {
        let needed = min(max(0, count), capacity)
        while !Task.isCancelled {
            if state.withLock({ $0.shuttingDown || $0.buffer.count + needed <= capacity }) { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    public var snapshot: Snapshot {
        state.withLock {
            Snapshot(pending: $0.buffer.count, capacity: capacity, written: $0.written, dropped: $0.dropped,
                     lastError: $0.lastError)
        }
    }

    /// Drains the buffer until graceful shutdown, then makes a last bounded attempt to flush.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakeups {
                await drain(retryingFor: nil)
            }
        } onGracefulShutdown: {
            self.state.withLock { $0.shuttingDown = true }
            self.wake.finish()
        }
        await drain(retryingFor: .seconds(10))
        let left = snapshot.pending
        if left > 0 {
            logger.error("shutting down with unwritten \(label) records", metadata: ["records.pending": "\(left)"])
        }
    }

    /// Writes everything buffered. Retries a failing batch with backoff; gives up only after `limit` (shutdown).
    private func drain(retryingFor limit: Duration?) async {
        let clock = ContinuousClock()
        let deadline = limit.map { clock.now.advanced(by: $0) }
        var backoff = Duration.milliseconds(50)
        while true {
            let batch = state.withLock { Array($0.buffer.prefix(batchSize)) }
            if batch.isEmpty { return }
            do {
                try await write(batch)
                state.withLock {
                    $0.buffer.removeFirst(batch.count)
                    $0.written += batch.count
                    $0.lastError = nil
                }
                backoff = .milliseconds(50)
            } catch {
                state.withLock { $0.lastError = "\(error)" }
                logger.warning("\(label) write failed; will retry",
                               metadata: ["error": "\(error)", "retry.after": "\(backoff)"])
                if let deadline {
                    if clock.now.advanced(by: backoff) > deadline { return }
                } else if state.withLock({ $0.shuttingDown }) || Task.isCancelled {
                    return  // the final, bounded flush takes over
                }
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, maxBackoff)
            }
        }
    }
}

/// The writer of answered predictions (DESIGN.md section 5: at least 10,000 records buffered).
public typealias PredictionWriter = BufferedWriter<PredictionRecord>

extension BufferedWriter: PredictionSink where Record == PredictionRecord {
    /// A writer of predictions into `repository`.
    public convenience init(repository: any PredictionRepository, capacity: Int = 10_000, batchSize: Int = 2_000,
                            maxBackoff: Duration = .seconds(5), logger: Logger) {
        self.init(label: "prediction", capacity: capacity, batchSize: batchSize, maxBackoff: maxBackoff, logger: logger,
                  write: repository.insert)
    }
}

extension BufferedWriter where Record == BreakerEvent {
    /// A writer of circuit-breaker transitions into `repository`.
    public convenience init(repository: any BreakerEventRepository, capacity: Int = 1_000, logger: Logger) {
        self.init(label: "breaker event", capacity: capacity, batchSize: 100, logger: logger) { events in
            for event in events { try await repository.record(event) }
        }
    }
}
