/// Where the dashboard gets its data. The composition root implements it over the database, the breaker
/// and the metrics; tests use fakes.
public protocol DashboardSource: Sendable {
    /// Reads the current data. Throwing (e.g. the database is down) makes the dashboard show a
    /// "data unavailable" banner instead of failing.
    func snapshot() async throws -> DashboardSnapshot
}
