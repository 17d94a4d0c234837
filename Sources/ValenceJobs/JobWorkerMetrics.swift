import Synchronization

/// Running counters of one `JobWorker`, for /metrics and /status.
public final class JobWorkerMetrics: Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// Chunks scored and stored.
        public var chunks = 0
        /// Texts scored.
        public var itemsScored = 0
        /// Scored items whose result was already stored (a chunk scored twice after a lease expired).
        public var duplicateResults = 0
        /// Chunks whose scoring failed, transiently or for good.
        public var failedChunks = 0
        /// Items failed for good or handed back for a retry.
        public var failedItems = 0
        /// Claims or writes that failed (e.g. the database is away).
        public var databaseErrors = 0
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func noteScored(items: Int, stored: Int) {
        state.withLock {
            $0.chunks += 1
            $0.itemsScored += items
            $0.duplicateResults += max(0, items - stored)
        }
    }

    func noteFailedChunk(items: Int) {
        state.withLock {
            $0.failedChunks += 1
            $0.failedItems += items
        }
    }

    func noteDatabaseError() {
        state.withLock { $0.databaseErrors += 1 }
    }
}
