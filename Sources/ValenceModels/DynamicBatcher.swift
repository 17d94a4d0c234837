import ValenceCore

/// A `SentimentModel` that groups concurrent `classify` calls for one model into forward passes bounded by a
/// token budget, a batch size and a short wait. Its batching loop is background work (`backgroundWork()`), which
/// the `ModelRegistry` runs; the loop ends when the batcher is released or shut down.
public final class DynamicBatcher<Model: BatchableModel>: BackgroundWorkModel {
    public let configuration: BatchingConfiguration
    private let model: Model
    private let metrics: ModelServiceMetrics
    private let queue: BatchQueue<Model.Prepared>

    public init(model: Model, configuration: BatchingConfiguration = BatchingConfiguration(), metrics: ModelServiceMetrics) {
        self.model = model
        self.configuration = configuration
        self.metrics = metrics
        queue = BatchQueue(key: model.key, configuration: configuration, metrics: metrics)
    }

    deinit {
        queue.close()
    }

    public var key: String { model.key }

    /// The batching loop. It must run for requests to be answered; it returns once the batcher is released or
    /// shut down, or its task is cancelled, and then fails the requests still waiting.
    public func backgroundWork() -> @Sendable () async -> Void {
        let loop = BatchingLoop(queue: queue, model: model, metrics: metrics)
        return { await loop.run() }
    }

    /// Refuses new requests and fails the waiting ones with `ValenceError.notReady`.
    public func shutdown() {
        queue.close()
    }

    /// Queues the texts and waits for their results. Throws `ValenceError.overloaded` at once when the queue is
    /// full, `.tooLarge` when the texts exceed the queue's capacity, `.notReady` after `requestTimeout` or on
    /// shutdown, `CancellationError` when the caller is cancelled, and the model's error when its batch fails.
    public func classify(_ texts: [String]) async throws -> [Classification] {
        guard !texts.isEmpty else { return [] }
        do {
            let prepared = try texts.map { text in
                let prepared = try model.prepare(text)
                return (prepared: prepared, tokens: model.tokenCount(prepared))
            }
            let results = try await results(of: try queue.enqueue(prepared))
            metrics.recordRequest(model: key, outcome: .ok)
            return results
        } catch {
            let (outcome, surfaced) = describe(error)
            metrics.recordRequest(model: key, outcome: outcome)
            throw surfaced
        }
    }

    /// Waits for a request's results, failing it (and dropping its unstarted texts) after the timeout.
    private func results(of request: UInt64) async throws -> [Classification] {
        try await withThrowingTaskGroup(of: [Classification]?.self) { group in
            group.addTask { try await self.queue.wait(for: request) }
            group.addTask {
                try await Task.sleep(for: self.configuration.requestTimeout)
                self.queue.fail(request, with: BatchQueueFailure.timedOut)
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let results = next { return results }
            }
            throw BatchQueueFailure.shutDown
        }
    }

    /// The outcome to count and the error to hand the caller.
    private func describe(_ error: any Error) -> (RequestOutcome, any Error) {
        switch error {
        case BatchQueueFailure.timedOut:
            (.timeout, ValenceError.notReady(
                "model '\(key)' did not answer within \(configuration.requestTimeout): the request timed out in the batch queue"
            ))
        case BatchQueueFailure.shutDown:
            (.shutdown, ValenceError.notReady("model '\(key)' is shutting down"))
        case is CancellationError where Task.isCancelled:
            (.cancelled, error)
        case is CancellationError:
            (.shutdown, ValenceError.notReady("model '\(key)' is shutting down"))
        case ValenceError.overloaded:
            (.overloaded, error)
        default:
            (.error, error)
        }
    }
}
