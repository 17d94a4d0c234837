import ValenceStorage

/// One alert rule: a pure function from signals to the conditions that hold now, one observation per key.
public protocol AlertRule: Sendable {
    /// The identifier stored with the rule's alerts, e.g. `negative_spike`.
    static var id: String { get }
    /// A disabled rule never fires, so its open alerts are resolved.
    var isEnabled: Bool { get }
    /// The observations of every key whose condition holds in `signals` (none when disabled).
    func firing(_ signals: AlertSignals) -> [AlertObservation]
}
