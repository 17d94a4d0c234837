import Foundation
import Logging
import ServiceLifecycle
import ValenceStorage

/// Polls every enabled source on its interval: fetches it, keeps the items it has not seen (deduplicated by the
/// repository), hands them to the scorer and links them to the predictions it made. A source whose fetch or
/// parse fails is marked failing with the reason and the others go on; its next good poll clears it.
/// Sources are re-read from the repository every tick, so sources added at run time are picked up.
public struct SourcePoller: Service {
    /// Scores new items (the composition root runs them through the prediction service, which stores the
    /// predictions with the source's name, time and text) and answers one prediction id per item, in order.
    public typealias Scorer = @Sendable ([SourceItem], Source) async throws -> [UUID]

    private let repository: any SourceRepository
    private let reddit: RedditClient
    private let feeds: FeedClient
    private let configuration: SourcePollerConfiguration
    private let scorer: Scorer
    private let logger: Logger

    public init(repository: any SourceRepository, reddit: RedditClient, feeds: FeedClient,
                configuration: SourcePollerConfiguration = SourcePollerConfiguration(), logger: Logger,
                scorer: @escaping Scorer) {
        self.repository = repository
        self.reddit = reddit
        self.feeds = feeds
        self.configuration = configuration
        self.scorer = scorer
        self.logger = logger
    }

    /// Polls due sources every tick until graceful shutdown or cancellation.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    _ = try await pollDueSources()
                } catch {
                    if Task.isCancelled { return }
                    logger.error("could not list sources; will retry", metadata: ["error": "\(error)"])
                }
                do {
                    try await Task.sleep(for: configuration.tick)
                } catch {
                    return
                }
            }
        }
    }

    /// Polls, a few at a time, every enabled source due at `now`; answers each one's outcome by source id.
    @discardableResult
    public func pollDueSources(at now: Date = Date()) async throws -> [UUID: SourcePollOutcome] {
        let due = try await repository.list().filter { $0.isDue(at: now) }
        return await withTaskGroup(of: (UUID, SourcePollOutcome).self) { group in
            var outcomes: [UUID: SourcePollOutcome] = [:]
            for (index, source) in due.enumerated() {
                if index >= configuration.maximumConcurrentPolls, let finished = await group.next() {
                    outcomes[finished.0] = finished.1
                }
                group.addTask { (source.id, await poll(source, at: now)) }
            }
            for await (id, outcome) in group { outcomes[id] = outcome }
            return outcomes
        }
    }

    /// Polls one source now, whether due or not, and records how it went.
    @discardableResult
    public func poll(_ source: Source, at now: Date = Date()) async -> SourcePollOutcome {
        let metadata: Logger.Metadata = ["source.id": "\(source.id)", "source.name": "\(source.configuration.name)"]
        do {
            let fetched = try await fetch(source)
            if fetched.notModified {
                try await repository.markPolled(id: source.id, at: now, validators: fetched.validators)
                return .notModified
            }
            let count = try await store(fetched.items, of: source)
            try await repository.markPolled(id: source.id, at: now, validators: fetched.validators)
            if source.state == .failing { logger.info("source recovered", metadata: metadata) }
            return .polled(newItems: count)
        } catch {
            if Task.isCancelled { return .cancelled }
            let reason = "\(error)"
            logger.warning("source poll failed", metadata: metadata.merging(["error": "\(reason)"]) { $1 })
            do {
                try await repository.markFailing(id: source.id, reason: reason, at: now)
            } catch {
                logger.error("could not mark the source failing", metadata: metadata.merging(["error": "\(error)"]) { $1 })
            }
            return .failed(reason: reason)
        }
    }

    /// The source's unseen items (and, for feeds, the validators for the next conditional GET).
    private func fetch(_ source: Source) async throws -> SourceFetch {
        let repository = self.repository
        let known: @Sendable ([String]) async throws -> Set<String> = { ids in
            try await repository.knownExternalIDs(sourceID: source.id, among: ids)
        }
        let configuration = source.configuration
        switch configuration.kind {
        case .reddit:
            let items = try await reddit.newItems(subreddit: configuration.subreddit ?? "", sourceID: source.id,
                                                  includeComments: configuration.includeComments,
                                                  limit: configuration.maxItemsPerPoll, known: known)
            return SourceFetch(items: items, validators: source.validators, notModified: false)
        case .feed:
            return try await feeds.newItems(url: configuration.feedURL ?? "", sourceID: source.id,
                                            validators: source.validators, limit: configuration.maxItemsPerPoll, known: known)
        }
    }

    /// Claims the items not stored yet, scores them and links them to their predictions; answers how many were
    /// new. Claimed items whose scoring fails are released so the next poll takes them again.
    private func store(_ items: [SourceItem], of source: Source) async throws -> Int {
        let claimed = try await repository.recordItems(items)
        guard !claimed.isEmpty else { return 0 }
        let predictionIDs: [UUID]
        do {
            predictionIDs = try await scorer(claimed, source)
            guard predictionIDs.count == claimed.count else {
                throw SourceScoringError(reason: "\(predictionIDs.count) prediction ids for \(claimed.count) items")
            }
        } catch {
            try? await repository.releaseItems(sourceID: source.id, externalIDs: claimed.map(\.externalID))
            throw error is SourceScoringError ? error : SourceScoringError(reason: "\(error)")
        }
        try await repository.attachPredictions(
            sourceID: source.id, Dictionary(zip(claimed.map(\.externalID), predictionIDs)) { first, _ in first })
        return claimed.count
    }
}
