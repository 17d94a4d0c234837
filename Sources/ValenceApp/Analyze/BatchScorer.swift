import ValenceCore

/// Scores a window of texts for `valence analyze`, synchronously on threads of its own.
public protocol BatchScorer: Sendable {
    /// The model name written into each record.
    var modelName: String { get }
    /// One classification per text, in order.
    func score(_ texts: [String]) throws -> [Classification]
}

/// A scorer whose texts are independent: each is scored on its own, from any thread.
public protocol TextScorer: BatchScorer {
    func score(_ text: String) -> Classification
}

extension TextScorer {
    /// The window spread over all cores.
    public func score(_ texts: [String]) throws -> [Classification] {
        Parallel.map(texts.count) { score(texts[$0]) }
    }
}

/// VADER: texts are scored independently, on all cores.
public struct VaderBatchScorer: TextScorer {
    public let modelName = VaderSentimentModel.key
    private let model: VaderSentimentModel

    public init(model: VaderSentimentModel = VaderSentimentModel()) {
        self.model = model
    }

    public func score(_ text: String) -> Classification {
        model.classify(text)
    }
}
