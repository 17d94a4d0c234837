/// Everything the alert rules look at, measured at one time. Signals of disabled rules stay empty.
public struct AlertSignals: Sendable, Equatable {
    /// Negative shares per model key.
    public var negativeShares: [String: NegativeShareSeries]
    /// Breakers per scope (`overall` or a replica URL).
    public var breakers: [String: BreakerSignal]
    /// Predictions in the error-rate window; `matching` counts fallback answers.
    public var fallbacks: WindowCount
    public var latency: LatencySignal
    /// Records the prediction writer dropped since the previous evaluation.
    public var droppedRecords: Int

    public init(negativeShares: [String: NegativeShareSeries] = [:], breakers: [String: BreakerSignal] = [:],
                fallbacks: WindowCount = WindowCount(total: 0, matching: 0),
                latency: LatencySignal = LatencySignal(count: 0, percentileMs: nil), droppedRecords: Int = 0) {
        self.negativeShares = negativeShares
        self.breakers = breakers
        self.fallbacks = fallbacks
        self.latency = latency
        self.droppedRecords = droppedRecords
    }
}
