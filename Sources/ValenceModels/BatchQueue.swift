import Synchronization
import ValenceCore

/// The texts waiting for one model and the requests they belong to. Callers enqueue and wait; the batching loop
/// takes batches and hands back results. Everything is guarded by one mutex; waiters resume outside it.
final class BatchQueue<Prepared: Sendable>: Sendable {
    typealias Waiter = CheckedContinuation<[Classification], any Error>
    typealias Delivery = (waiter: Waiter, result: Result<[Classification], any Error>)

    struct PendingText: Sendable {
        let request: UInt64
        let index: Int
        let prepared: Prepared
        let tokens: Int
        let enqueuedAt: ContinuousClock.Instant
    }

    /// One caller's texts: results fill in as batches finish; the outcome waits here if the caller is not
    /// waiting yet.
    struct Request {
        var results: [Classification?]
        var remaining: Int
        var outcome: Result<[Classification], any Error>?
        var waiter: Waiter?
    }

    struct State {
        var pending: [PendingText] = []
        var requests: [UInt64: Request] = [:]
        var nextRequest: UInt64 = 0
        var closed = false
        var loopWaiter: CheckedContinuation<Void, Never>?

        /// Ends an open request; returns the waiter to resume, if one waits already.
        mutating func finish(_ id: UInt64, _ result: Result<[Classification], any Error>) -> Delivery? {
            guard var request = requests[id], request.outcome == nil else { return nil }
            pending.removeAll { $0.request == id }
            guard let waiter = request.waiter else {
                request.outcome = result
                requests[id] = request
                return nil
            }
            requests[id] = nil
            return (waiter, result)
        }

        /// How many texts from the front of the queue the next batch takes (at least one when any wait).
        func batchLength(_ configuration: BatchingConfiguration) -> Int {
            var length = 0
            var tokens = 0
            while length < pending.count, length < configuration.maxBatchSize {
                let next = pending[length].tokens
                if length > 0, tokens + next > configuration.maxBatchTokens { break }
                tokens += next
                length += 1
            }
            return length
        }
    }

    /// What the loop does next.
    private enum Step {
        case stop
        case waitForWork
        case waitUntil(ContinuousClock.Instant)
        case run([PendingText])
    }

    private let state = Mutex(State())
    private let key: String
    private let configuration: BatchingConfiguration
    private let metrics: ModelServiceMetrics

    init(key: String, configuration: BatchingConfiguration, metrics: ModelServiceMetrics) {
        self.key = key
        self.configuration = configuration
        self.metrics = metrics
    }

    // MARK: Callers

    /// Queues one request's texts; throws `overloaded` when they do not fit, `tooLarge` when they never could.
    func enqueue(_ texts: [(prepared: Prepared, tokens: Int)]) throws -> UInt64 {
        let now = ContinuousClock.now
        let (id, loopWaiter) = try state.withLock { state in
            guard !state.closed else { throw BatchQueueFailure.shutDown }
            guard texts.count <= configuration.queueCapacity else {
                throw ValenceError.tooLarge("\(texts.count) texts exceed the queue capacity of \(configuration.queueCapacity)")
            }
            guard state.pending.count + texts.count <= configuration.queueCapacity else {
                throw ValenceError.overloaded(retryAfterSeconds: 1)
            }
            let id = state.nextRequest
            state.nextRequest += 1
            state.requests[id] = Request(results: Array(repeating: nil, count: texts.count), remaining: texts.count)
            for (index, text) in texts.enumerated() {
                state.pending.append(PendingText(
                    request: id, index: index, prepared: text.prepared, tokens: text.tokens, enqueuedAt: now
                ))
            }
            metrics.setQueueDepth(model: key, depth: state.pending.count)
            defer { state.loopWaiter = nil }
            return (id, state.loopWaiter)
        }
        loopWaiter?.resume()
        return id
    }

    /// Waits for a request's results; cancellation removes its waiting texts and throws `CancellationError`.
    func wait(for id: UInt64) async throws -> [Classification] {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                let ready = state.withLock { state -> Result<[Classification], any Error>? in
                    guard var request = state.requests[id] else { return .failure(BatchQueueFailure.shutDown) }
                    if let outcome = request.outcome {
                        state.requests[id] = nil
                        return outcome
                    }
                    request.waiter = waiter
                    state.requests[id] = request
                    return nil
                }
                if let ready { waiter.resume(with: ready) }
            }
        } onCancel: {
            fail(id, with: CancellationError())
        }
    }

    /// Fails one request now; its texts that have not started are dropped.
    func fail(_ id: UInt64, with error: any Error) {
        let delivery = state.withLock { state in
            defer { metrics.setQueueDepth(model: key, depth: state.pending.count) }
            return state.finish(id, .failure(error))
        }
        delivery.map { $0.waiter.resume(with: $0.result) }
    }

    /// Refuses new texts and fails every open request with `shutDown`; wakes the loop so that it ends.
    func close() {
        let (deliveries, loopWaiter) = state.withLock { state in
            state.closed = true
            let deliveries = state.requests.keys.compactMap { state.finish($0, .failure(BatchQueueFailure.shutDown)) }
            metrics.setQueueDepth(model: key, depth: state.pending.count)
            defer { state.loopWaiter = nil }
            return (deliveries, state.loopWaiter)
        }
        for delivery in deliveries { delivery.waiter.resume(with: delivery.result) }
        loopWaiter?.resume()
    }

    // MARK: The batching loop

    /// The next batch in queue order: waits for a first text, then at most `maxWait` for more unless a full batch
    /// is waiting already. Nil once the queue is closed or the task cancelled.
    func nextBatch() async -> [PendingText]? {
        while !Task.isCancelled {
            switch nextStep() {
            case .stop:
                return nil
            case .run(let batch):
                return batch
            case .waitForWork:
                await waitForWork()
            case .waitUntil(let deadline):
                try? await Task.sleep(until: deadline, clock: .continuous)
                if !Task.isCancelled, let batch = takeBatch() { return batch }
            }
        }
        return nil
    }

    /// Hands each text's result to its request; a request finishes when its last text does.
    func complete(_ results: [(text: PendingText, classification: Classification)]) {
        let deliveries = state.withLock { state in
            results.compactMap { result -> Delivery? in
                guard var request = state.requests[result.text.request], request.outcome == nil,
                      request.results[result.text.index] == nil else { return nil }
                request.results[result.text.index] = result.classification
                request.remaining -= 1
                state.requests[result.text.request] = request
                guard request.remaining == 0 else { return nil }
                return state.finish(result.text.request, .success(request.results.map { $0! }))
            }
        }
        for delivery in deliveries { delivery.waiter.resume(with: delivery.result) }
    }

    /// Fails every request with a text in the failed batch (and drops their other waiting texts).
    func fail(_ batch: [PendingText], with error: any Error) {
        let requests = Set(batch.map(\.request))
        let deliveries = state.withLock { state in
            defer { metrics.setQueueDepth(model: key, depth: state.pending.count) }
            return requests.compactMap { state.finish($0, .failure(error)) }
        }
        for delivery in deliveries { delivery.waiter.resume(with: delivery.result) }
    }

    private func nextStep() -> Step {
        state.withLock { state in
            if state.closed { return .stop }
            guard let first = state.pending.first else { return .waitForWork }
            let length = state.batchLength(configuration)
            let full = length < state.pending.count || length == configuration.maxBatchSize
            let deadline = first.enqueuedAt.advanced(by: configuration.maxWait)
            guard full || deadline <= .now else { return .waitUntil(deadline) }
            return .run(Self.removeBatch(length, from: &state, metrics: metrics, key: key))
        }
    }

    private func takeBatch() -> [PendingText]? {
        state.withLock { state in
            guard !state.closed, !state.pending.isEmpty else { return nil }
            return Self.removeBatch(state.batchLength(configuration), from: &state, metrics: metrics, key: key)
        }
    }

    private static func removeBatch(
        _ length: Int, from state: inout State, metrics: ModelServiceMetrics, key: String
    ) -> [PendingText] {
        let batch = Array(state.pending.prefix(length))
        state.pending.removeFirst(length)
        metrics.setQueueDepth(model: key, depth: state.pending.count)
        return batch
    }

    private func waitForWork() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (loopWaiter: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    guard !state.closed, state.pending.isEmpty, !Task.isCancelled else { return true }
                    state.loopWaiter = loopWaiter
                    return false
                }
                if resumeNow { loopWaiter.resume() }
            }
        } onCancel: {
            let loopWaiter = state.withLock { state in
                defer { state.loopWaiter = nil }
                return state.loopWaiter
            }
            loopWaiter?.resume()
        }
    }
}
