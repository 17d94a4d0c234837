/// The negative predictions of one model: the last window and the baseline windows before it.
public struct NegativeShareSeries: Sendable, Equatable {
    /// The window ending at the evaluation time; `matching` counts negative predictions.
    public var current: WindowCount
    /// The windows before it, newest first.
    public var baseline: [WindowCount]

    public init(current: WindowCount, baseline: [WindowCount]) {
        self.current = current
        self.baseline = baseline
    }
}
