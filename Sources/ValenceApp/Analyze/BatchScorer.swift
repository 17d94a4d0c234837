import Dispatch
import ValenceCore

/// Scores a window of texts for `valence analyze`, synchronously on threads of its own.
public protocol BatchScorer: Sendable {
    /// The model name written into each record.
    var modelName: String { get }
    /// One classification per text, in order.
    func score(_ texts: [String]) throws -> [Classification]
}

/// VADER over all cores: the window is cut into one slice per core.
public struct VaderBatchScorer: BatchScorer {
    public let modelName = VaderSentimentModel.key
    private let model: VaderSentimentModel
    private let threads: Int

    public init(model: VaderSentimentModel = VaderSentimentModel(), threads: Int = ProcessInfoThreads.available) {
        self.model = model
        self.threads = max(1, threads)
    }

    public func score(_ texts: [String]) throws -> [Classification] {
        let slices = min(threads, max(1, texts.count / 64))
        if slices == 1 { return texts.map(model.classify) }
        let results = UnsafeSendableBuffer<Classification?>(count: texts.count, repeating: nil)
        let model = self.model
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = texts.count * slice / slices..<texts.count * (slice + 1) / slices
            for index in range { results[index] = model.classify(texts[index]) }
        }
        return results.take().map { $0! }
    }
}

/// The number of threads CPU-bound work may use (the active processor count).
public enum ProcessInfoThreads {
    public static var available: Int { System.activeProcessorCount }
}
