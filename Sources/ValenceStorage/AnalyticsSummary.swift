import Foundation

/// Totals over the stored predictions (the body of GET /analytics).
public struct AnalyticsSummary: Sendable, Equatable {
    public var totalPredictions: Int
    /// Counts per sentiment value.
    public var sentimentCounts: [String: Int]
    /// Counts per model key.
    public var modelCounts: [String: Int]
    /// Mean latency in milliseconds, 0 when there are no predictions.
    public var averageLatencyMs: Double
    public var fallbackAnswers: Int
    /// The time of the newest prediction.
    public var lastPredictionAt: Date?

    public init(totalPredictions: Int = 0, sentimentCounts: [String: Int] = [:], modelCounts: [String: Int] = [:],
                averageLatencyMs: Double = 0, fallbackAnswers: Int = 0, lastPredictionAt: Date? = nil) {
        self.totalPredictions = totalPredictions
        self.sentimentCounts = sentimentCounts
        self.modelCounts = modelCounts
        self.averageLatencyMs = averageLatencyMs
        self.fallbackAnswers = fallbackAnswers
        self.lastPredictionAt = lastPredictionAt
    }
}
