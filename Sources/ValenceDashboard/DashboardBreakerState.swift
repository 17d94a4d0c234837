/// A circuit breaker state, spelled as in `/failsafe/status`.
public enum DashboardBreakerState: String, Sendable, Equatable, CaseIterable {
    /// Requests reach the model service.
    case closed
    /// Requests go straight to the fallback.
    case open
    /// One probe request is allowed through.
    case halfOpen = "half-open"
}
