import ValenceCore

/// Storage of answered predictions.
public protocol PredictionRepository: Sendable {
    /// Inserts records; a record whose id is already stored is skipped (idempotent).
    func insert(_ records: [PredictionRecord]) async throws
    /// Totals, distribution, model usage, latency percentiles, and — when asked — the trend and the change
    /// against the previous period, over the predictions matching `query` (computed by the database).
    func analytics(_ query: AnalyticsQuery) async throws -> AnalyticsReport
    /// The number of stored predictions.
    func count() async throws -> Int
}
