/// What a sentiment model says about one text.
public struct Classification: Sendable, Equatable {
    public var sentiment: Sentiment
    /// The probability of the chosen label; for VADER |compound| (positive, negative) or 1 − |compound| (neutral).
    public var confidence: Double
    /// One probability per label for a transformer; `neg`, `neu`, `pos`, `compound` for VADER.
    public var scores: [LabelScore]
    /// Raw logits, when the model has them.
    public var logits: [Float]?

    public init(sentiment: Sentiment, confidence: Double, scores: [LabelScore], logits: [Float]? = nil) {
        self.sentiment = sentiment
        self.confidence = confidence
        self.scores = scores
        self.logits = logits
    }
}
