import Foundation

/// A stored alert (GET /alerts). At most one alert per rule and key is not resolved at a time.
public struct Alert: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var rule: String
    public var key: String
    public var severity: AlertSeverity
    public var state: AlertState
    public var message: String
    /// The latest measured value.
    public var value: Double
    public var threshold: Double
    /// When the condition was first seen for this alert.
    public var firstSeen: Date
    /// When the condition was last seen holding.
    public var lastSeen: Date
    public var acknowledgedAt: Date?
    public var resolvedAt: Date?

    public init(id: UUID = UUID(), rule: String, key: String, severity: AlertSeverity, state: AlertState, message: String,
                value: Double, threshold: Double, firstSeen: Date, lastSeen: Date, acknowledgedAt: Date? = nil,
                resolvedAt: Date? = nil) {
        self.id = id
        self.rule = rule
        self.key = key
        self.severity = severity
        self.state = state
        self.message = message
        self.value = value
        self.threshold = threshold
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.acknowledgedAt = acknowledgedAt
        self.resolvedAt = resolvedAt
    }
}
