/// The queried period against the period of the same length just before it.
public struct PeriodChange: Sendable, Equatable {
    public var previousTotal: Int
    /// Current total minus previous total.
    public var totalChange: Int
    /// `totalChange` as a percent of the previous total; nil when the previous period was empty.
    public var totalChangePercent: Double?
    /// Nil when the previous period was empty.
    public var previousMeanSentiment: Double?
    /// Current mean minus previous mean; nil when either period was empty.
    public var meanSentimentChange: Double?

    public init(currentTotal: Int, currentMeanSentiment: Double?, previousTotal: Int, previousMeanSentiment: Double?) {
        self.previousTotal = previousTotal
        self.totalChange = currentTotal - previousTotal
        self.totalChangePercent = previousTotal > 0 ? Double(currentTotal - previousTotal) * 100 / Double(previousTotal) : nil
        self.previousMeanSentiment = previousMeanSentiment
        if let currentMeanSentiment, let previousMeanSentiment {
            self.meanSentimentChange = currentMeanSentiment - previousMeanSentiment
        }
    }
}
