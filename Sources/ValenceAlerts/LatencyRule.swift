import Foundation
import ValenceStorage

/// Fires when the latency percentile (p95 by default) of the window's predictions is above the objective.
public struct LatencyRule: AlertRule {
    public static let id = "latency_objective"
    /// The key of its alert: the rule looks at all predictions together.
    public static let key = "overall"
    public var isEnabled: Bool
    public var windowSeconds: Double
    /// Which percentile, in (0, 1]; nearest rank.
    public var percentile: Double
    public var objectiveMs: Double
    /// The fewest predictions the window needs before the rule judges it.
    public var minimumCount: Int
    public var severity: AlertSeverity

    public init(isEnabled: Bool = true, windowSeconds: Double = 300, percentile: Double = 0.95, objectiveMs: Double = 500,
                minimumCount: Int = 20, severity: AlertSeverity = .warning) {
        self.isEnabled = isEnabled
        self.windowSeconds = windowSeconds
        self.percentile = percentile
        self.objectiveMs = objectiveMs
        self.minimumCount = minimumCount
        self.severity = severity
    }

    public func firing(_ signals: AlertSignals) -> [AlertObservation] {
        let latency = signals.latency
        guard isEnabled, latency.count >= minimumCount, let measured = latency.percentileMs, measured > objectiveMs else {
            return []
        }
        return [AlertObservation(
            rule: Self.id, key: Self.key, severity: severity,
            message: "p\(Int((percentile * 100).rounded())) latency is \(String(format: "%.1f", measured)) ms over "
                + "\(latency.count) predictions in the last \(Int(windowSeconds)) s, above the objective of "
                + "\(String(format: "%.0f", objectiveMs)) ms",
            value: measured, threshold: objectiveMs
        )]
    }
}
