import Foundation

/// The circuit breaker between the gateway and the model service, as the dashboard shows it.
public struct DashboardBreaker: Sendable, Equatable {
    /// The current state.
    public var state: DashboardBreakerState
    /// Failures counted in the breaker's current failure window.
    public var recentFailures: Int
    /// How often the breaker opened in the dashboard's period.
    public var activations: Int
    /// When the state last changed, if it ever did.
    public var lastTransition: Date?

    /// Creates the breaker summary; the default is a closed breaker that never tripped.
    public init(state: DashboardBreakerState = .closed, recentFailures: Int = 0, activations: Int = 0, lastTransition: Date? = nil) {
        self.state = state
        self.recentFailures = recentFailures
        self.activations = activations
        self.lastTransition = lastTransition
    }
}
