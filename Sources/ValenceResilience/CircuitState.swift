/// The breaker's state, as /failsafe/status reports it.
public enum CircuitState: String, Sendable, Equatable, Codable {
    case closed
    case open
    case halfOpen = "half_open"
}

/// A change of state at a time.
public struct CircuitTransition<Instant: Sendable & Equatable>: Sendable, Equatable {
    public var from: CircuitState
    public var to: CircuitState
    public var at: Instant
    /// Why: `failures`, `probe succeeded`, `probe failed`, `timeout`, `reset`.
    public var reason: String
}
