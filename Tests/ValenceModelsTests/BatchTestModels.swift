import Synchronization
import ValenceCore
@testable import ValenceModels

/// A batchable stand-in: one token per character; `run` sleeps a little, records each batch, and fails a batch
/// that holds the text `boom`. Each result's single score is labelled with its text, to check order.
final class RecordingBatchModel: BatchableModel {
    let key: String
    private let delay: Duration
    private let counter: InstanceCounter?
    private let state = Mutex<(batches: [[String]], running: Int, maxRunning: Int)>(([], 0, 0))

    init(key: String = "fake", delay: Duration = .milliseconds(2), counter: InstanceCounter? = nil) {
        self.key = key
        self.delay = delay
        self.counter = counter
        counter?.increment()
    }

    deinit { counter?.decrement() }

    var batches: [[String]] { state.withLock { $0.batches } }
    var maxConcurrentRuns: Int { state.withLock { $0.maxRunning } }

    func prepare(_ text: String) throws -> String {
        guard text != "unpreparable" else { throw FakeFailure(message: "cannot tokenize") }
        return text
    }

    func tokenCount(_ prepared: String) -> Int { max(1, prepared.count) }

    func run(_ batch: [String]) async throws -> [Classification] {
        state.withLock { state in
            state.batches.append(batch)
            state.running += 1
            state.maxRunning = max(state.maxRunning, state.running)
        }
        defer { state.withLock { $0.running -= 1 } }
        try await Task.sleep(for: delay)
        if batch.contains("boom") { throw FakeFailure(message: "forward pass failed") }
        return batch.map { Classification(sentiment: .neutral, confidence: 1, scores: [LabelScore(label: $0, value: 1)]) }
    }
}

/// Runs `body` while the batcher's loop runs beside it; stops the loop afterwards.
func withLoop<Result: Sendable, Model: BatchableModel>(
    _ batcher: DynamicBatcher<Model>, _ body: () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask(operation: batcher.backgroundWork())
        defer { group.cancelAll() }
        return try await body()
    }
}

extension Classification {
    /// The text a `RecordingBatchModel` result was computed for.
    var echoedText: String? { scores.first?.label }
}
