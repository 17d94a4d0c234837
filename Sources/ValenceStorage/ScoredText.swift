import ValenceCore

/// The scoring of one text, as a job stores it.
public struct ScoredText: Sendable, Equatable {
    public var sentiment: Sentiment
    public var confidence: Double
    public var scores: [LabelScore]
    /// The model that answered (the fallback's key when `fallbackUsed`).
    public var model: String
    public var fallbackUsed: Bool

    public init(sentiment: Sentiment, confidence: Double, scores: [LabelScore], model: String, fallbackUsed: Bool) {
        self.sentiment = sentiment
        self.confidence = confidence
        self.scores = scores
        self.model = model
        self.fallbackUsed = fallbackUsed
    }
}
