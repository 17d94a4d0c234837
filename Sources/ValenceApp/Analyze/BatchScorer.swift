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

    public init(model: VaderSentimentModel = VaderSentimentModel()) {
        self.model = model
    }

    public func score(_ texts: [String]) throws -> [Classification] {
        Parallel.map(texts.count) { model.classify(texts[$0]) }
    }
}
