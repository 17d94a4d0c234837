/// The dashboard's panels in page order; each raw value is the `id` of the panel's `<section>` and a key of the live payload.
public enum DashboardSection: String, Sendable, CaseIterable {
    /// Headline numbers: predictions, mean response time, fallback share, change.
    case summary
    /// The circuit breaker's state.
    case breaker
    /// The sentiment trend chart.
    case trend
    /// The sentiment distribution chart.
    case distribution
    /// System figures.
    case system
    /// The model comparison: share, latency, readiness.
    case models
    /// Active and recent alerts.
    case alerts

    /// The panel's heading.
    public var title: String {
        switch self {
        case .summary: "Summary"
        case .trend: "Sentiment trend"
        case .distribution: "Distribution"
        case .models: "Model comparison"
        case .breaker: "Circuit breaker"
        case .system: "System"
        case .alerts: "Alerts"
        }
    }
}
