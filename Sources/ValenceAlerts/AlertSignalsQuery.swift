import Foundation
import SQLKit
import ValenceResilience

/// Measures the alert signals in SQL from `predictions` and `breaker_events` (portable: SQLite and PostgreSQL).
/// A window of length w ending at `now` holds the rows with `now - w < time <= now`; baseline window i (1-based)
/// is the one ending at `now - i·w`. Only the signals of enabled rules are measured.
public struct AlertSignalsQuery: AlertSignalSource {
    private let database: any SQLDatabase
    private let rules: AlertRules

    public init(database: any SQLDatabase, rules: AlertRules) {
        self.database = database
        self.rules = rules
    }

    public func measure(at now: Date) async throws -> AlertSignals {
        let end = now.timeIntervalSince1970
        var signals = AlertSignals()
        if rules.negativeSpike.isEnabled {
            signals.negativeShares = try await negativeShares(end: end, rule: rules.negativeSpike)
        }
        if rules.breakerOpen.isEnabled {
            signals.breakers = try await breakers(end: end, windowSeconds: rules.breakerOpen.windowSeconds)
        }
        if rules.errorRate.isEnabled {
            signals.fallbacks = try await fallbacks(end: end, windowSeconds: rules.errorRate.windowSeconds)
        }
        if rules.latency.isEnabled {
            signals.latency = try await latency(end: end, rule: rules.latency)
        }
        return signals
    }

    /// One grouped count per window (the last one, then each baseline window, newest first).
    private func negativeShares(end: Double, rule: NegativeSpikeRule) async throws -> [String: NegativeShareSeries] {
        let windows = max(0, rule.baselineWindows) + 1
        var countsByModel: [String: [WindowCount]] = [:]
        for index in 0..<windows {
            let upper = end - Double(index) * rule.windowSeconds
            let rows = try await database.raw("""
                SELECT model, COUNT(*) AS total,
                       SUM(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END) AS negatives
                FROM predictions
                WHERE created_at > \(bind: upper - rule.windowSeconds) AND created_at <= \(bind: upper)
                GROUP BY model
                """).all()
            for row in rows {
                let model = try row.decode(column: "model", as: String.self)
                let count = WindowCount(total: try row.decode(column: "total", as: Int.self),
                                        matching: try row.decode(column: "negatives", as: Int?.self) ?? 0)
                countsByModel[model, default: Array(repeating: WindowCount(total: 0, matching: 0), count: windows)][index] = count
            }
        }
        return countsByModel.mapValues { counts in
            NegativeShareSeries(current: counts[0], baseline: Array(counts.dropFirst()))
        }
    }

    /// The state of each scope's latest transition, and its transitions to open within the window.
    private func breakers(end: Double, windowSeconds: Double) async throws -> [String: BreakerSignal] {
        let latest = try await database.raw("""
            SELECT e.scope AS scope, e.to_state AS to_state, e.id AS id FROM breaker_events e
            WHERE e.occurred_at <= \(bind: end) AND e.occurred_at = (
                SELECT MAX(m.occurred_at) FROM breaker_events m WHERE m.scope = e.scope AND m.occurred_at <= \(bind: end))
            ORDER BY e.scope, e.id
            """).all()
        var signals: [String: BreakerSignal] = [:]
        for row in latest {
            let text = try row.decode(column: "to_state", as: String.self)
            guard let state = CircuitState(rawValue: text) else {
                throw AlertSignalsQueryError(description: "breaker event has unknown state '\(text)'")
            }
            signals[try row.decode(column: "scope", as: String.self)] = BreakerSignal(state: state, openedInWindow: 0)
        }
        let openings = try await database.raw("""
            SELECT scope, COUNT(*) AS n FROM breaker_events
            WHERE to_state = \(bind: CircuitState.open.rawValue)
              AND occurred_at > \(bind: end - windowSeconds) AND occurred_at <= \(bind: end)
            GROUP BY scope
            """).all()
        for row in openings {
            let scope = try row.decode(column: "scope", as: String.self)
            signals[scope]?.openedInWindow = try row.decode(column: "n", as: Int.self)
        }
        return signals
    }

    private func fallbacks(end: Double, windowSeconds: Double) async throws -> WindowCount {
        guard let row = try await database.raw("""
            SELECT COUNT(*) AS total, SUM(CASE WHEN fallback_used THEN 1 ELSE 0 END) AS fallbacks
            FROM predictions WHERE created_at > \(bind: end - windowSeconds) AND created_at <= \(bind: end)
            """).first() else { return WindowCount(total: 0, matching: 0) }
        return WindowCount(total: try row.decode(column: "total", as: Int.self),
                           matching: try row.decode(column: "fallbacks", as: Int?.self) ?? 0)
    }

    /// Nearest rank: the value at position ⌈p·n⌉ of the window's latencies in ascending order.
    private func latency(end: Double, rule: LatencyRule) async throws -> LatencySignal {
        let lower = end - rule.windowSeconds
        let count = try await database.raw("""
            SELECT COUNT(*) AS n FROM predictions WHERE created_at > \(bind: lower) AND created_at <= \(bind: end)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard count > 0 else { return LatencySignal(count: 0, percentileMs: nil) }
        // The epsilon keeps 0.95 × 20 (= 19.000000000000004 in binary) at rank 19.
        let rank = min(count, max(1, Int((rule.percentile * Double(count) - 1e-9).rounded(.up))))
        let value = try await database.raw("""
            SELECT latency_ms FROM predictions WHERE created_at > \(bind: lower) AND created_at <= \(bind: end)
            ORDER BY latency_ms LIMIT 1 OFFSET \(bind: rank - 1)
            """).first()?.decode(column: "latency_ms", as: Double.self)
        return LatencySignal(count: count, percentileMs: value)
    }
}
