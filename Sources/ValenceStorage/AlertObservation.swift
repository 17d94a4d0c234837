/// What a rule measured when its condition holds: the input of `AlertRepository.raiseOrUpdate`.
public struct AlertObservation: Sendable, Equatable {
    /// The rule's identifier, e.g. `negative_spike`.
    public var rule: String
    /// What the rule looked at: a model key, a breaker scope, or `overall`.
    public var key: String
    public var severity: AlertSeverity
    /// A sentence for people, with the measured value and the threshold.
    public var message: String
    /// The measured value (a share, milliseconds, a count — the rule says which).
    public var value: Double
    /// The limit the value crossed.
    public var threshold: Double

    public init(rule: String, key: String, severity: AlertSeverity, message: String, value: Double, threshold: Double) {
        self.rule = rule
        self.key = key
        self.severity = severity
        self.message = message
        self.value = value
        self.threshold = threshold
    }
}
