import ValenceResilience

/// What the stored transitions say about one breaker (one scope).
public struct BreakerSignal: Sendable, Equatable {
    /// The state its latest stored transition moved it to.
    public var state: CircuitState
    /// Transitions to open within the rule's window.
    public var openedInWindow: Int

    public init(state: CircuitState, openedInWindow: Int) {
        self.state = state
        self.openedInWindow = openedInWindow
    }
}
