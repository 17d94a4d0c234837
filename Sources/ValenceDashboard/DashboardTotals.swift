/// Headline numbers for the dashboard's period.
public struct DashboardTotals: Sendable, Equatable {
    /// Predictions answered in the period.
    public var predictions: Int
    /// Mean processing time of those predictions, in milliseconds.
    public var averageResponseMs: Double
    /// Share of predictions answered by the fallback model, 0–100.
    public var fallbackPercent: Double
    /// Change in the number of predictions against the previous period of the same length, in percent;
    /// `nil` when the previous period had none.
    public var predictionsChangePercent: Double?

    /// Creates the totals; the defaults describe an empty period.
    public init(predictions: Int = 0, averageResponseMs: Double = 0, fallbackPercent: Double = 0, predictionsChangePercent: Double? = nil) {
        self.predictions = predictions
        self.averageResponseMs = averageResponseMs
        self.fallbackPercent = fallbackPercent
        self.predictionsChangePercent = predictionsChangePercent
    }
}
