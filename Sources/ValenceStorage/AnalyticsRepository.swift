/// Analytics over stored predictions, computed by the database.
public protocol AnalyticsRepository: Sendable {
    /// Totals, distribution, model usage, latency percentiles, and — when asked — the trend and the
    /// change against the previous period, over the predictions matching `query`.
    func analytics(_ query: AnalyticsQuery) async throws -> AnalyticsReport
}
