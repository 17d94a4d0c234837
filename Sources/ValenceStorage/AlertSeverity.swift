/// How urgent an alert is.
public enum AlertSeverity: String, Sendable, Equatable, Codable, CaseIterable {
    case info
    case warning
    case critical
}
