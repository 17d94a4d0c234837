import Foundation

/// The answer to an `AnalyticsQuery`: aggregates over the matching predictions.
public struct AnalyticsReport: Sendable, Equatable {
    public var totalPredictions: Int
    /// Counts per sentiment value.
    public var sentimentCounts: [String: Int]
    /// Percent (0–100) per sentiment value.
    public var sentimentPercent: [String: Double]
    /// Counts per model key.
    public var modelCounts: [String: Int]
    /// Percent (0–100) per model key.
    public var modelPercent: [String: Double]
    /// Latency in milliseconds; nil when nothing matched. Percentiles are nearest-rank.
    public var averageLatencyMs: Double?
    public var p50LatencyMs: Double?
    public var p95LatencyMs: Double?
    public var fallbackAnswers: Int
    /// Mean of positive = +1, neutral (and any other label) = 0, negative = −1; nil when nothing matched.
    public var meanSentiment: Double?
    public var lastPredictionAt: Date?
    /// Present when the query named a bucket.
    public var trend: [TrendPoint]?
    /// Present when the query named both `from` and `to`.
    public var change: PeriodChange?

    public init(totalPredictions: Int = 0, sentimentCounts: [String: Int] = [:], sentimentPercent: [String: Double] = [:],
                modelCounts: [String: Int] = [:], modelPercent: [String: Double] = [:], averageLatencyMs: Double? = nil,
                p50LatencyMs: Double? = nil, p95LatencyMs: Double? = nil, fallbackAnswers: Int = 0,
                meanSentiment: Double? = nil, lastPredictionAt: Date? = nil, trend: [TrendPoint]? = nil,
                change: PeriodChange? = nil) {
        self.totalPredictions = totalPredictions
        self.sentimentCounts = sentimentCounts
        self.sentimentPercent = sentimentPercent
        self.modelCounts = modelCounts
        self.modelPercent = modelPercent
        self.averageLatencyMs = averageLatencyMs
        self.p50LatencyMs = p50LatencyMs
        self.p95LatencyMs = p95LatencyMs
        self.fallbackAnswers = fallbackAnswers
        self.meanSentiment = meanSentiment
        self.lastPredictionAt = lastPredictionAt
        self.trend = trend
        self.change = change
    }
}
