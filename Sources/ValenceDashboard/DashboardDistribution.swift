/// The share of each sentiment, in percent (0–100).
public struct DashboardDistribution: Sendable, Equatable {
    /// Share of positive predictions, 0–100.
    public var positivePercent: Double
    /// Share of negative predictions, 0–100.
    public var negativePercent: Double
    /// Share of neutral predictions, 0–100.
    public var neutralPercent: Double

    /// Creates a distribution; all zeros means "no predictions".
    public init(positivePercent: Double = 0, negativePercent: Double = 0, neutralPercent: Double = 0) {
        self.positivePercent = positivePercent
        self.negativePercent = negativePercent
        self.neutralPercent = neutralPercent
    }
}
