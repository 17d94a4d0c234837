import ValenceStorage

/// Fires when the share of fallback answers among the predictions of the window is above `maximumShare`.
public struct ErrorRateRule: AlertRule {
    public static let id = "error_rate"
    /// The key of its alert: the rule looks at all predictions together.
    public static let key = "overall"
    public var isEnabled: Bool
    public var windowSeconds: Double
    public var maximumShare: Double
    /// The fewest predictions the window needs before the rule judges it.
    public var minimumCount: Int
    public var severity: AlertSeverity

    public init(isEnabled: Bool = true, windowSeconds: Double = 300, maximumShare: Double = 0.2, minimumCount: Int = 20,
                severity: AlertSeverity = .warning) {
        self.isEnabled = isEnabled
        self.windowSeconds = windowSeconds
        self.maximumShare = maximumShare
        self.minimumCount = minimumCount
        self.severity = severity
    }

    public func firing(_ signals: AlertSignals) -> [AlertObservation] {
        let window = signals.fallbacks
        guard isEnabled, window.total >= minimumCount, let share = window.share, share > maximumShare else { return [] }
        return [AlertObservation(
            rule: Self.id, key: Self.key, severity: severity,
            message: "\(Percent(share)) of the answers in the last \(Int(windowSeconds)) s came from the fallback "
                + "(\(window.matching) of \(window.total)), above \(Percent(maximumShare))",
            value: share, threshold: maximumShare
        )]
    }
}
