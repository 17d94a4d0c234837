import Logging
import ServiceLifecycle
import Synchronization
import ValenceCore

/// Writes answered predictions to the repository without ever blocking an answer: records wait in a
/// bounded buffer, are written in order in batches, and are retried with capped backoff while the
/// database is away. Inserts are idempotent by record id, so a retried batch is stored once.
/// An overflow drops the newest records and is counted and logged — never silent.
public final class PredictionWriter: PredictionSink, Service {
    /// Buffer and loss counters, reported by /status.
    public struct Snapshot: Sendable, Equatable {
        public var pending: Int
        public var capacity: Int
        public var written: Int
        public var dropped: Int
        public var lastError: String?
    }

    private struct State {
        var buffer: [PredictionRecord] = []
        var written = 0
        var dropped = 0
        var lastError: String?
        var shuttingDown = false
    }

    private let repository: any PredictionRepository
    private let capacity: Int
    private let batchSize: Int
    private let maxBackoff: Duration
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    public init(repository: any PredictionRepository, capacity: Int = 10_000, batchSize: Int = 2_000,
                maxBackoff: Duration = .seconds(5), logger: Logger) {
        self.repository = repository
        self.capacity = max(1, capacity)
        self.batchSize = max(1, batchSize)
        self.maxBackoff = maxBackoff
        self.logger = logger
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    public func record(_ records: [PredictionRecord]) {
        guard !records.isEmpty else { return }
        let dropped: Int = state.withLock { state in
            let room = capacity - state.buffer.count
            let accepted = min(room, records.count)
            state.buffer.append(contentsOf: records.prefix(accepted))
            state.dropped += records.count - accepted
            return records.count - accepted
        }
        if dropped > 0 {
            logger.error("prediction buffer full: records dropped",
                         metadata: ["buffer.capacity": "\(capacity)", "records.dropped": "\(dropped)"])
        }
        wake.yield()
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
            logger.error("shutting down with unwritten predictions", metadata: ["records.pending": "\(left)"])
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
                try await repository.insert(batch)
                state.withLock {
                    $0.buffer.removeFirst(batch.count)
                    $0.written += batch.count
                    $0.lastError = nil
                }
                backoff = .milliseconds(50)
            } catch {
                state.withLock { $0.lastError = "\(error)" }
                logger.warning("prediction write failed; will retry",
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
