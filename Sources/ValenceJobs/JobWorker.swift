import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import ValenceCore
import ValenceStorage

/// Works through batch jobs: claims a chunk of items, scores each job's texts in one scorer call, stores the
/// results, and repeats; sleeps (with jitter) when nothing is claimable. A transient scoring failure hands the
/// items back for a later retry and backs off (capped); a permanent one fails them. The lease is renewed while a
/// chunk is being scored. On graceful shutdown it stops claiming and finishes the chunk in hand; when cancelled
/// it releases the chunk unscored. Database errors are logged and retried; they never stop the service.
public final class JobWorker: Service {
    /// What one round did.
    public enum Round: Sendable, Equatable {
        /// Nothing was claimable.
        case idle
        /// Items were scored and their results stored.
        case scored(items: Int)
        /// Scoring or the database failed; `transient` failures are retried after a backoff.
        case failed(transient: Bool)
        /// The task was cancelled; the claimed items were released.
        case cancelled
    }

    public let configuration: JobWorkerConfiguration
    public let metrics = JobWorkerMetrics()
    private let repository: any JobRepository
    private let scorer: JobScorer
    private let now: @Sendable () -> Date
    private let logger: Logger
    /// Transient failures in a row; sets the backoff and the items' retry delay.
    private let failureStreak = Mutex(0)
    private let chunkSizer: Mutex<ChunkSizer>

    public init(repository: any JobRepository, scorer: @escaping JobScorer,
                configuration: JobWorkerConfiguration = JobWorkerConfiguration(),
                now: @escaping @Sendable () -> Date = Date.init, logger: Logger) {
        self.repository = repository
        self.scorer = scorer
        self.configuration = configuration
        self.now = now
        chunkSizer = Mutex(ChunkSizer(maximum: configuration.chunkSize, target: configuration.chunkTarget))
        var logger = logger
        logger[metadataKey: "worker.id"] = "\(configuration.workerID)"
        self.logger = logger
    }

    /// Runs rounds until graceful shutdown or cancellation.
    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            switch await runRound() {
            case .scored:
                failureStreak.withLock { $0 = 0 }
            case .idle:
                await pause(configuration.idlePause())
            case .failed(transient: true):
                let failures = failureStreak.withLock { streak in
                    streak += 1
                    return streak
                }
                await pause(configuration.backoff(afterFailures: failures))
            case .failed(transient: false):
                continue  // those items failed for good; the next chunk may well succeed
            case .cancelled:
                return
            }
        }
    }

    /// Claims one chunk and works it off. Public for command-line tools and tests that drive a worker by hand.
    public func runRound() async -> Round {
        let claimed: [ClaimedJobItem]
        do {
            claimed = try await repository.claim(workerID: configuration.workerID, limit: chunkSizer.withLock { $0.current },
                                                 lease: configuration.lease, now: now())
        } catch {
            metrics.noteDatabaseError()
            logger.warning("claiming job items failed; backing off", metadata: ["error": "\(error)"])
            return .failed(transient: true)
        }
        guard !claimed.isEmpty else {
            await settleFinishedJobs()
            return .idle
        }
        var scored = 0
        var failure: Round?
        for items in Dictionary(grouping: claimed, by: \.key.jobID).values.sorted(by: { $0[0].key < $1[0].key }) {
            switch await work(items) {
            case .scored(let count): scored += count
            case .cancelled: failure = .cancelled
            case .failed(let transient): failure = failure ?? .failed(transient: transient)
            case .idle: break
            }
        }
        return failure ?? .scored(items: scored)
    }

    /// Scores one job's items and stores the results, or fails or releases them.
    private func work(_ items: [ClaimedJobItem]) async -> Round {
        let keys = items.map(\.key)
        let jobMetadata: Logger.Metadata = ["job.id": "\(keys[0].jobID.uuidString.lowercased())", "job.items": "\(keys.count)"]
        guard !Task.isCancelled else { return await release(keys) }
        do {
            let clock = ContinuousClock()
            let started = clock.now
            let results = try await scoreKeepingLease(items)
            let took = started.duration(to: clock.now)
            chunkSizer.withLock { $0.record(items: items.count, in: took) }
            guard results.count == items.count else {
                throw ScorerResultCountError(texts: items.count, results: results.count)
            }
            let completed = zip(keys, results).map { CompletedJobItem(key: $0, result: $1) }
            let stored = try await repository.complete(completed, workerID: configuration.workerID, now: now())
            metrics.noteScored(items: items.count, stored: stored)
            return .scored(items: items.count)
        } catch where Task.isCancelled {
            return await release(keys)
        } catch {
            let transient = ScoringFailure.isTransient(error)
            let retryDelay = configuration.backoff(afterFailures: failureStreak.withLock { $0 } + 1)
            metrics.noteFailedChunk(items: items.count)
            logger.warning("scoring job items failed", metadata: jobMetadata.merging([
                "error": "\(error)", "error.transient": "\(transient)",
            ]) { $1 })
            do {
                let time = now()
                try await repository.fail(keys, workerID: configuration.workerID, error: "\(error)", retryable: transient,
                                          retryAt: time.addingTimeInterval(retryDelay.inMilliseconds / 1_000), now: time)
            } catch {
                metrics.noteDatabaseError()
                logger.error("recording the failure failed; the lease will expire", metadata: ["error": "\(error)"])
            }
            return .failed(transient: transient)
        }
    }

    /// Runs the scorer while renewing the items' lease every third of its length.
    private func scoreKeepingLease(_ items: [ClaimedJobItem]) async throws -> [ScoredText] {
        let keys = items.map(\.key)
        let texts = items.map(\.text)
        let (model, source) = (items[0].model, items[0].source)
        return try await withThrowingTaskGroup(of: [ScoredText]?.self) { group in
            group.addTask { try await self.scorer(texts, keys.map(\.predictionID), model, source) }
            group.addTask {
                while true {
                    do {
                        try await Task.sleep(for: self.configuration.lease / 3)
                    } catch {
                        return nil  // scoring ended
                    }
                    do {
                        try await self.repository.extendLease(keys, workerID: self.configuration.workerID,
                                                              lease: self.configuration.lease, now: self.now())
                    } catch {
                        self.metrics.noteDatabaseError()
                        self.logger.warning("renewing a lease failed", metadata: ["error": "\(error)"])
                    }
                }
            }
            while let finished = try await group.next() {
                if let results = finished {
                    group.cancelAll()
                    return results
                }
            }
            throw CancellationError()
        }
    }

    /// Hands the items back. This runs when the worker's task is cancelled, and the database drivers refuse work
    /// in a cancelled task, so the release runs in a task of its own, awaited at once.
    private func release(_ keys: [JobItemKey]) async -> Round {
        let release = Task { [repository, configuration] in
            try await repository.release(keys, workerID: configuration.workerID)
        }
        do {
            try await release.value
        } catch {
            metrics.noteDatabaseError()
            logger.error("releasing job items failed; their lease will expire", metadata: ["error": "\(error)"])
        }
        return .cancelled
    }

    private func settleFinishedJobs() async {
        do {
            try await repository.settleFinishedJobs(now: now())
        } catch {
            metrics.noteDatabaseError()
            logger.warning("settling finished jobs failed", metadata: ["error": "\(error)"])
        }
    }

    /// Sleeps, waking early on graceful shutdown or cancellation.
    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
