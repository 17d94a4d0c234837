import ValenceStorage

/// Decides, from the signals measured at one time and the open alerts, which alerts to raise, update and
/// resolve. Pure: the same inputs give the same actions. At most one action per rule and key.
public struct AlertEvaluator: Sendable {
    public var rules: AlertRules

    public init(rules: AlertRules = AlertRules()) {
        self.rules = rules
    }

    /// Raises for conditions without an open alert, updates open alerts whose condition holds (an acknowledged
    /// one stays acknowledged), and resolves open alerts whose condition cleared.
    public func evaluate(_ signals: AlertSignals, openAlerts: [Alert]) -> [AlertAction] {
        var openByRuleKey: [RuleKey: Alert] = [:]
        for alert in openAlerts where alert.state != .resolved {
            let ruleKey = RuleKey(rule: alert.rule, key: alert.key)
            if openByRuleKey[ruleKey] == nil { openByRuleKey[ruleKey] = alert }
        }
        var actions: [AlertAction] = []
        var holding: Set<RuleKey> = []
        for observation in rules.all.flatMap({ $0.firing(signals) }) {
            let ruleKey = RuleKey(rule: observation.rule, key: observation.key)
            guard holding.insert(ruleKey).inserted else { continue }
            if let open = openByRuleKey[ruleKey] {
                actions.append(.update(alertID: open.id, observation))
            } else {
                actions.append(.raise(observation))
            }
        }
        for alert in openAlerts where alert.state != .resolved {
            let ruleKey = RuleKey(rule: alert.rule, key: alert.key)
            guard openByRuleKey[ruleKey]?.id == alert.id, !holding.contains(ruleKey) else { continue }
            actions.append(.resolve(alertID: alert.id, rule: alert.rule, key: alert.key))
        }
        return actions
    }

    private struct RuleKey: Hashable {
        var rule: String
        var key: String
    }
}
