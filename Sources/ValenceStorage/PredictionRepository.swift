import ValenceCore

/// Storage of answered predictions.
public protocol PredictionRepository: Sendable {
    /// Inserts records; a record whose id is already stored is skipped (idempotent).
    func insert(_ records: [PredictionRecord]) async throws
    /// Totals, distribution, model usage and latency over all stored predictions.
    func summary() async throws -> AnalyticsSummary
    /// The number of stored predictions.
    func count() async throws -> Int
}
