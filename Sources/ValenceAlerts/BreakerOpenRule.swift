import ValenceResilience
import ValenceStorage

/// Fires for a breaker scope that opened within the window and is not closed now; the alert resolves once the
/// breaker is closed again. An opening older than the window does not raise one (a stale state left behind
/// by a stopped process must not alert forever).
public struct BreakerOpenRule: AlertRule {
    public static let id = "breaker_open"
    public var isEnabled: Bool
    public var windowSeconds: Double
    public var severity: AlertSeverity

    public init(isEnabled: Bool = true, windowSeconds: Double = 300, severity: AlertSeverity = .critical) {
        self.isEnabled = isEnabled
        self.windowSeconds = windowSeconds
        self.severity = severity
    }

    public func firing(_ signals: AlertSignals) -> [AlertObservation] {
        guard isEnabled else { return [] }
        return signals.breakers.sorted { $0.key < $1.key }.compactMap { scope, breaker in
            guard breaker.openedInWindow > 0, breaker.state != .closed else { return nil }
            return AlertObservation(
                rule: Self.id, key: scope, severity: severity,
                message: "circuit breaker \(scope) is \(breaker.state.rawValue): opened \(breaker.openedInWindow) "
                    + "time(s) in the last \(Int(windowSeconds)) s; answers come from the fallback",
                value: Double(breaker.openedInWindow), threshold: 1
            )
        }
    }
}
