import Foundation

/// Everything the dashboard shows at one moment: the value the page and the live stream render.
///
/// Plain values only, so the composition root can fill it from the database, the circuit breaker and the
/// metrics without this module knowing about any of them. Every collection defaults to empty, so
/// `DashboardSnapshot(generatedAt: .now)` is the dashboard of a fresh install.
public struct DashboardSnapshot: Sendable, Equatable {
    /// When the data was read; shown as "last updated" (UTC).
    public var generatedAt: Date
    /// Headline numbers for the period.
    public var totals: DashboardTotals
    /// Share of each sentiment over the period.
    public var distribution: DashboardDistribution
    /// The sentiment trend, oldest bucket first.
    public var trend: [DashboardTrendBucket]
    /// One row per model that answered in the period (the model comparison).
    public var models: [DashboardModelRow]
    /// The gateway's circuit breaker.
    public var breaker: DashboardBreaker
    /// Named system figures (uptime, queue depth, database, …) in display order.
    public var system: [DashboardSystemMetric]
    /// Active and recent alerts, in display order.
    public var alerts: [DashboardAlert]

    /// Creates a snapshot; everything but the time defaults to "nothing yet".
    public init(
        generatedAt: Date,
        totals: DashboardTotals = DashboardTotals(),
        distribution: DashboardDistribution = DashboardDistribution(),
        trend: [DashboardTrendBucket] = [],
        models: [DashboardModelRow] = [],
        breaker: DashboardBreaker = DashboardBreaker(),
        system: [DashboardSystemMetric] = [],
        alerts: [DashboardAlert] = []
    ) {
        self.generatedAt = generatedAt
        self.totals = totals
        self.distribution = distribution
        self.trend = trend
        self.models = models
        self.breaker = breaker
        self.system = system
        self.alerts = alerts
    }
}
