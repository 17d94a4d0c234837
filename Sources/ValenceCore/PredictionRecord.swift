import Foundation

/// One answered text, as it is stored (DESIGN.md section 5, table `predictions`).
public struct PredictionRecord: Sendable, Equatable {
    /// The idempotency key: a re-sent insert of the same id is a no-op.
    public var id: UUID
    public var createdAt: Date
    /// The text, or nil when texts are not stored.
    public var text: String?
    public var source: String?
    public var sentiment: Sentiment
    public var confidence: Double
    public var scores: [LabelScore]
    public var model: String
    public var fallbackUsed: Bool
    public var latencyMs: Double

    public init(
        id: UUID = UUID(), createdAt: Date, text: String?, source: String?, sentiment: Sentiment,
        confidence: Double, scores: [LabelScore], model: String, fallbackUsed: Bool, latencyMs: Double
    ) {
        self.id = id
        self.createdAt = createdAt
        self.text = text
        self.source = source
        self.sentiment = sentiment
        self.confidence = confidence
        self.scores = scores
        self.model = model
        self.fallbackUsed = fallbackUsed
        self.latencyMs = latencyMs
    }
}

/// Receives answered predictions for storage. `record` must never block or fail the answer.
public protocol PredictionSink: Sendable {
    func record(_ records: [PredictionRecord])
}

/// A sink that keeps nothing (command-line tools, tests).
public struct DiscardingPredictionSink: PredictionSink {
    public init() {}
    public func record(_ records: [PredictionRecord]) {}
}
