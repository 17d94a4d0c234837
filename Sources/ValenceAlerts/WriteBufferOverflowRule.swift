import ValenceStorage

/// Fires when the prediction writer dropped records since the previous evaluation (its buffer overflowed);
/// the alert resolves after an evaluation interval without new drops.
public struct WriteBufferOverflowRule: AlertRule {
    public static let id = "write_buffer_overflow"
    /// The key of its alert: the process's prediction writer.
    public static let key = "prediction_writer"
    public var isEnabled: Bool
    public var severity: AlertSeverity

    public init(isEnabled: Bool = true, severity: AlertSeverity = .critical) {
        self.isEnabled = isEnabled
        self.severity = severity
    }

    public func firing(_ signals: AlertSignals) -> [AlertObservation] {
        guard isEnabled, signals.droppedRecords > 0 else { return [] }
        return [AlertObservation(
            rule: Self.id, key: Self.key, severity: severity,
            message: "the prediction write buffer overflowed: \(signals.droppedRecords) record(s) dropped since the "
                + "previous evaluation",
            value: Double(signals.droppedRecords), threshold: 0
        )]
    }
}
