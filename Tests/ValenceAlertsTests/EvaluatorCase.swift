import Foundation
import Testing
import ValenceAlerts
import ValenceStorage

/// One row of the evaluator's table: rules, signals and open alerts in; expected actions out, written as
/// `raise rule/key`, `update rule/key`, `resolve rule/key`.
struct EvaluatorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var rules = AlertRules()
    var signals = AlertSignals()
    var open: [Alert] = []
    var expected: [String]

    var testDescription: String { name }

    static let time = Date(timeIntervalSince1970: 1_700_000_000)

    /// An open alert of a rule and key.
    static func alert(_ rule: String, _ key: String, state: AlertState = .active) -> Alert {
        Alert(rule: rule, key: key, severity: .warning, state: state, message: "earlier", value: 1, threshold: 0,
              firstSeen: time, lastSeen: time, acknowledgedAt: state == .acknowledged ? time : nil)
    }

    /// A negative-share series from (negatives, total) pairs: the current window, then the baseline newest first.
    static func series(_ current: (Int, Int), baseline: [(Int, Int)]) -> NegativeShareSeries {
        NegativeShareSeries(current: WindowCount(total: current.1, matching: current.0),
                            baseline: baseline.map { WindowCount(total: $0.1, matching: $0.0) })
    }

    /// Twelve windows of 100 predictions alternating 5 % and 15 % negative: mean 10 %, deviation 5 %, threshold 25 %.
    static let noisyBaseline = (0..<12).map { ($0 % 2 == 0 ? 5 : 15, 100) }
    /// Twelve windows of exactly 10 % negative: deviation 0, floored at 2 %, threshold 16 %.
    static let flatBaseline = Array(repeating: (10, 100), count: 12)

    /// Rules with only the named one enabled, so each case looks at one rule.
    static func only(_ rule: String) -> AlertRules {
        var rules = AlertRules()
        rules.negativeSpike.isEnabled = rule == NegativeSpikeRule.id
        rules.breakerOpen.isEnabled = rule == BreakerOpenRule.id
        rules.errorRate.isEnabled = rule == ErrorRateRule.id
        rules.latency.isEnabled = rule == LatencyRule.id
        rules.writeBufferOverflow.isEnabled = rule == WriteBufferOverflowRule.id
        return rules
    }
}

extension AlertAction {
    /// `raise rule/key`, `update rule/key` or `resolve rule/key`.
    func summary(openAlerts: [Alert]) -> String {
        switch self {
        case .raise(let observation):
            return "raise \(observation.rule)/\(observation.key)"
        case .update(let id, let observation):
            let matches = openAlerts.contains { $0.id == id && $0.rule == observation.rule && $0.key == observation.key }
            return "update \(observation.rule)/\(observation.key)" + (matches ? "" : " (wrong alert id)")
        case .resolve(_, let rule, let key):
            return "resolve \(rule)/\(key)"
        }
    }
}
