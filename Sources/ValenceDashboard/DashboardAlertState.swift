/// Where an alert is in its lifecycle, spelled as in `/alerts`.
public enum DashboardAlertState: String, Sendable, Equatable, CaseIterable {
    /// Firing and not yet seen by anyone.
    case active
    /// Firing, and someone acknowledged it.
    case acknowledged
    /// No longer firing.
    case resolved
}
