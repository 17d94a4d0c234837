import Foundation

/// One bucket of the trend series. Only buckets holding predictions are listed.
public struct TrendPoint: Sendable, Equatable {
    /// The bucket's first instant (UTC).
    public var start: Date
    public var count: Int
    public var positive: Int
    public var neutral: Int
    public var negative: Int
    /// Positive = +1, neutral (and any other label) = 0, negative = −1, averaged over `count`.
    public var meanSentiment: Double

    public init(start: Date, count: Int, positive: Int, neutral: Int, negative: Int) {
        self.start = start
        self.count = count
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
        self.meanSentiment = SentimentScore.mean(positive: positive, negative: negative, count: count) ?? 0
    }
}
