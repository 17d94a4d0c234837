import ValenceCore

/// One model's batching loop: takes a batch, sorts it by token count, runs it, hands out the results; one batch in
/// flight at a time. It holds the queue and the model but not the `DynamicBatcher`, so releasing the batcher ends it.
struct BatchingLoop<Model: BatchableModel>: Sendable {
    let queue: BatchQueue<Model.Prepared>
    let model: Model
    let metrics: ModelServiceMetrics

    /// Runs batches until the queue closes or the task is cancelled; then fails whatever still waits.
    func run() async {
        let clock = ContinuousClock()
        while let batch = await queue.nextBatch() {
            // Sorting by length keeps similar lengths together, which limits padding in the forward pass.
            let sorted = batch.enumerated()
                .sorted { ($0.element.tokens, $0.offset) < ($1.element.tokens, $1.offset) }
                .map(\.element)
            let start = clock.now
            do {
                let results = try await model.run(sorted.map(\.prepared))
                guard results.count == sorted.count else {
                    throw BatchResultCountMismatch(model: model.key, expected: sorted.count, actual: results.count)
                }
                metrics.recordBatch(model: model.key, size: sorted.count, duration: start.duration(to: clock.now))
                queue.complete(Array(zip(sorted, results)))
            } catch {
                queue.fail(sorted, with: error)
            }
        }
        queue.close()
    }
}
