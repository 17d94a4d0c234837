/// Settings of the circuit breaker (DESIGN.md section 4; environment names in brackets).
public struct CircuitBreakerConfiguration: Sendable, Equatable {
    /// Failures within `failureWindow` that open the breaker (FAILSAFE_MAX_LLM_FAILURES, default 3).
    public var maxFailures: Int
    /// How far back failures count (FAILSAFE_FAILURE_WINDOW_SECONDS, default 300 s).
    public var failureWindow: Duration
    /// How long the breaker stays open before letting a probe through (FAILSAFE_CIRCUIT_BREAKER_TIMEOUT, default 60 s).
    public var openTimeout: Duration
    /// Successful probes in a row that close a half-open breaker (default 1).
    public var successesToClose: Int
    /// Probes allowed in flight while half-open (default 1).
    public var maxProbes: Int
    /// Optional: also open when the share of failed calls in the window reaches this (0–1), once at least
    /// `minimumCalls` calls were made in it (FAILSAFE_FAILURE_RATE, off by default).
    public var failureRateThreshold: Double?
    /// Calls in the window before the failure rate counts (FAILSAFE_MINIMUM_CALLS, default 10).
    public var minimumCalls: Int
    /// Optional: a successful call slower than this counts as a failure (FAILSAFE_SLOW_CALL_SECONDS, off by default).
    public var slowCallThreshold: Duration?

    public init(maxFailures: Int = 3, failureWindow: Duration = .seconds(300), openTimeout: Duration = .seconds(60),
                successesToClose: Int = 1, maxProbes: Int = 1, failureRateThreshold: Double? = nil,
                minimumCalls: Int = 10, slowCallThreshold: Duration? = nil) {
        self.maxFailures = max(1, maxFailures)
        self.failureWindow = failureWindow
        self.openTimeout = openTimeout
        self.successesToClose = max(1, successesToClose)
        self.maxProbes = max(1, maxProbes)
        self.failureRateThreshold = failureRateThreshold.map { min(1, max(0, $0)) }
        self.minimumCalls = max(1, minimumCalls)
        self.slowCallThreshold = slowCallThreshold
    }
}
