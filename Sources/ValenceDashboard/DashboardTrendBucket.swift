import Foundation

/// One time bucket of the sentiment trend.
public struct DashboardTrendBucket: Sendable, Equatable {
    /// The start of the bucket.
    public var start: Date
    /// Predictions in the bucket.
    public var count: Int
    /// Share of positive predictions in the bucket, 0–100.
    public var positivePercent: Double
    /// Share of negative predictions in the bucket, 0–100.
    public var negativePercent: Double
    /// Share of neutral predictions in the bucket, 0–100.
    public var neutralPercent: Double

    /// Creates a bucket.
    public init(start: Date, count: Int, positivePercent: Double, negativePercent: Double, neutralPercent: Double) {
        self.start = start
        self.count = count
        self.positivePercent = positivePercent
        self.negativePercent = negativePercent
        self.neutralPercent = neutralPercent
    }
}
