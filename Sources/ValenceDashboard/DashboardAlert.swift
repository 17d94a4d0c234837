import Foundation

/// One alert as the dashboard lists it.
public struct DashboardAlert: Sendable, Equatable {
    /// The alert's id (the one `POST /alerts/{id}/acknowledge` takes).
    public var id: String
    /// The rule that raised it, e.g. "negative_spike".
    public var rule: String
    /// Its severity, e.g. "warning" or "critical".
    public var severity: String
    /// Where it is in its lifecycle.
    public var state: DashboardAlertState
    /// What happened (user-influenced: always escaped when rendered).
    public var message: String
    /// When it started.
    public var startedAt: Date

    /// Creates an alert.
    public init(id: String, rule: String, severity: String, state: DashboardAlertState, message: String, startedAt: Date) {
        self.id = id
        self.rule = rule
        self.severity = severity
        self.state = state
        self.message = message
        self.startedAt = startedAt
    }
}
