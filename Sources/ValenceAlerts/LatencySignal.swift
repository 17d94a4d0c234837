/// The latency of the predictions answered within the latency rule's window.
public struct LatencySignal: Sendable, Equatable {
    public var count: Int
    /// The nearest-rank percentile (the rule's, 95th by default) in milliseconds; nil when `count` is 0.
    public var percentileMs: Double?

    public init(count: Int, percentileMs: Double?) {
        self.count = count
        self.percentileMs = percentileMs
    }
}
