import ValenceStorage

/// The alert rules and their thresholds (each can be disabled). Defaults follow the /alerts issue.
public struct AlertRules: Sendable {
    public var negativeSpike: NegativeSpikeRule
    public var breakerOpen: BreakerOpenRule
    public var errorRate: ErrorRateRule
    public var latency: LatencyRule
    public var writeBufferOverflow: WriteBufferOverflowRule

    public init(negativeSpike: NegativeSpikeRule = NegativeSpikeRule(), breakerOpen: BreakerOpenRule = BreakerOpenRule(),
                errorRate: ErrorRateRule = ErrorRateRule(), latency: LatencyRule = LatencyRule(),
                writeBufferOverflow: WriteBufferOverflowRule = WriteBufferOverflowRule()) {
        self.negativeSpike = negativeSpike
        self.breakerOpen = breakerOpen
        self.errorRate = errorRate
        self.latency = latency
        self.writeBufferOverflow = writeBufferOverflow
    }

    /// Every rule, in a fixed order.
    public var all: [any AlertRule] {
        [negativeSpike, breakerOpen, errorRate, latency, writeBufferOverflow]
    }
}
