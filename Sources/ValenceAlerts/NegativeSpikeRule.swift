import Foundation
import ValenceStorage

/// Fires for a model when its share of negative predictions in the last window lies more than
/// `standardDeviations` standard deviations above the mean share of the baseline windows before it.
/// The standard deviation is floored at `minimumStandardDeviation`, so a perfectly flat baseline (variance 0)
/// still needs a real jump, not any change at all. Windows without predictions are left out of the baseline.
public struct NegativeSpikeRule: AlertRule {
    public static let id = "negative_spike"
    public var isEnabled: Bool
    public var windowSeconds: Double
    /// How many windows before the last one form the baseline.
    public var baselineWindows: Int
    public var standardDeviations: Double
    /// The fewest predictions the last window needs before the rule judges it.
    public var minimumCount: Int
    /// The fewest non-empty baseline windows the rule needs before it judges.
    public var minimumBaselineWindows: Int
    /// The floor of the baseline's standard deviation, as a share (0.02 = 2 percentage points).
    public var minimumStandardDeviation: Double
    public var severity: AlertSeverity

    public init(isEnabled: Bool = true, windowSeconds: Double = 300, baselineWindows: Int = 12,
                standardDeviations: Double = 3, minimumCount: Int = 20, minimumBaselineWindows: Int = 3,
                minimumStandardDeviation: Double = 0.02, severity: AlertSeverity = .warning) {
        self.isEnabled = isEnabled
        self.windowSeconds = windowSeconds
        self.baselineWindows = baselineWindows
        self.standardDeviations = standardDeviations
        self.minimumCount = minimumCount
        self.minimumBaselineWindows = minimumBaselineWindows
        self.minimumStandardDeviation = minimumStandardDeviation
        self.severity = severity
    }

    public func firing(_ signals: AlertSignals) -> [AlertObservation] {
        guard isEnabled else { return [] }
        return signals.negativeShares.sorted { $0.key < $1.key }.compactMap { model, series in
            observation(model: model, series: series)
        }
    }

    private func observation(model: String, series: NegativeShareSeries) -> AlertObservation? {
        guard series.current.total >= minimumCount, let share = series.current.share else { return nil }
        let baseline = series.baseline.compactMap(\.share)
        guard !baseline.isEmpty, baseline.count >= minimumBaselineWindows else { return nil }
        let mean = baseline.reduce(0, +) / Double(baseline.count)
        let variance = baseline.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(baseline.count)
        let deviation = max(variance.squareRoot(), minimumStandardDeviation)
        let threshold = mean + standardDeviations * deviation
        guard share > threshold else { return nil }
        return AlertObservation(
            rule: Self.id, key: model, severity: severity,
            message: "negative share of \(model) is \(Percent(share)) in the last \(Int(windowSeconds)) s "
                + "(\(series.current.matching) of \(series.current.total)), above \(Percent(threshold)): "
                + "baseline \(Percent(mean)) ± \(Percent(deviation)) over \(baseline.count) windows",
            value: share, threshold: threshold
        )
    }
}
