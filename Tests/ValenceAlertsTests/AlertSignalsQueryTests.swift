import Foundation
import SQLKit
import Testing
import ValenceAlerts
import ValenceCore
import ValenceResilience
import ValenceStorage

/// Fixed rows around `now` with known signals. Windows are 60 s: current (now−60, now], baseline 1
/// (now−120, now−60], 2 (now−180, now−120], 3 (now−240, now−180].
enum SignalFixtures {
    static let now = Date(timeIntervalSince1970: 1_700_000_000)

    static var rules: AlertRules {
        var rules = AlertRules()
        rules.negativeSpike.windowSeconds = 60
        rules.negativeSpike.baselineWindows = 3
        rules.errorRate.windowSeconds = 60
        rules.latency.windowSeconds = 60
        rules.breakerOpen.windowSeconds = 120
        return rules
    }

    static func prediction(_ index: Int, secondsBeforeNow: Double, model: String = "vader", sentiment: Sentiment,
                           fallback: Bool = false, latency: Double = 10) -> PredictionRecord {
        PredictionRecord(id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!,
                         createdAt: now.addingTimeInterval(-secondsBeforeNow), text: nil, source: nil, sentiment: sentiment,
                         confidence: 0.9, scores: [], model: model, fallbackUsed: fallback, latencyMs: latency)
    }

    static let predictions: [PredictionRecord] = [
        // vader, current window: 3 of 4 negative; one exactly at `now` (inside).
        prediction(1, secondsBeforeNow: 0, sentiment: .negative, latency: 60),
        prediction(2, secondsBeforeNow: 10, sentiment: .negative, fallback: true, latency: 20),
        prediction(3, secondsBeforeNow: 30, sentiment: .negative, latency: 40),
        prediction(4, secondsBeforeNow: 59, sentiment: .positive, fallback: true, latency: 10),
        // distilbert, current window: 1 of 2 negative.
        prediction(5, secondsBeforeNow: 5, model: "distilbert-sentiment", sentiment: .negative, latency: 50),
        prediction(6, secondsBeforeNow: 45, model: "distilbert-sentiment", sentiment: .neutral, latency: 30),
        // vader, baseline 1: 1 of 2 negative; one exactly at now−60 (baseline 1, not current).
        prediction(7, secondsBeforeNow: 60, sentiment: .negative, latency: 1_000),
        prediction(8, secondsBeforeNow: 100, sentiment: .positive, latency: 1_000),
        // vader, baseline 2: empty; baseline 3: 0 of 1 negative.
        prediction(9, secondsBeforeNow: 200, sentiment: .neutral, latency: 1_000),
        // Outside every window: exactly now−240 (window 4) and in the future.
        prediction(10, secondsBeforeNow: 240, sentiment: .negative, latency: 1_000),
        prediction(11, secondsBeforeNow: -1, sentiment: .negative, fallback: true, latency: 1_000),
    ]

    static func event(_ index: Int, secondsBeforeNow: Double, scope: String, from: CircuitState, to: CircuitState) -> BreakerEvent {
        BreakerEvent(id: UUID(uuidString: String(format: "00000000-0000-0000-0001-%012d", index))!,
                     occurredAt: now.addingTimeInterval(-secondsBeforeNow), scope: scope, from: from, to: to, reason: "test")
    }

    static let replica = "http://127.0.0.1:8081"
    static let events: [BreakerEvent] = [
        // overall: opened 100 s ago (inside the 120 s window), half open 40 s ago; a later close after `now` is ignored.
        event(1, secondsBeforeNow: 100, scope: "overall", from: .closed, to: .open),
        event(2, secondsBeforeNow: 40, scope: "overall", from: .open, to: .halfOpen),
        event(3, secondsBeforeNow: -5, scope: "overall", from: .halfOpen, to: .closed),
        // replica: opened 500 s ago and closed again 400 s ago.
        event(4, secondsBeforeNow: 500, scope: replica, from: .closed, to: .open),
        event(5, secondsBeforeNow: 400, scope: replica, from: .open, to: .closed),
    ]

    static func load(into database: any SQLDatabase) async throws {
        try await SQLPredictionRepository(database: database).insert(predictions)
        let breakerEvents = SQLBreakerEventRepository(database: database)
        for event in events { try await breakerEvents.record(event) }
    }
}

/// Checks of `AlertSignalsQuery`, each run on any migrated `SQLDatabase`.
enum AlertSignalsQueryChecks {
    static func negativeShares(_ database: any SQLDatabase) async throws {
        try await SignalFixtures.load(into: database)
        let signals = try await AlertSignalsQuery(database: database, rules: SignalFixtures.rules).measure(at: SignalFixtures.now)
        let empty = WindowCount(total: 0, matching: 0)
        #expect(signals.negativeShares == [
            "vader": NegativeShareSeries(current: WindowCount(total: 4, matching: 3),
                                         baseline: [WindowCount(total: 2, matching: 1), empty, WindowCount(total: 1, matching: 0)]),
            "distilbert-sentiment": NegativeShareSeries(current: WindowCount(total: 2, matching: 1), baseline: [empty, empty, empty]),
        ])
    }

    static func fallbacksAndLatency(_ database: any SQLDatabase) async throws {
        try await SignalFixtures.load(into: database)
        let signals = try await AlertSignalsQuery(database: database, rules: SignalFixtures.rules).measure(at: SignalFixtures.now)
        #expect(signals.fallbacks == WindowCount(total: 6, matching: 2))
        // Latencies in the window: 10, 20, 30, 40, 50, 60 → p95 is rank ⌈5.7⌉ = 6.
        #expect(signals.latency == LatencySignal(count: 6, percentileMs: 60))
        var median = SignalFixtures.rules
        median.latency.percentile = 0.5
        let medianSignals = try await AlertSignalsQuery(database: database, rules: median).measure(at: SignalFixtures.now)
        #expect(medianSignals.latency == LatencySignal(count: 6, percentileMs: 30))
    }

    static func breakers(_ database: any SQLDatabase) async throws {
        try await SignalFixtures.load(into: database)
        let signals = try await AlertSignalsQuery(database: database, rules: SignalFixtures.rules).measure(at: SignalFixtures.now)
        #expect(signals.breakers == [
            "overall": BreakerSignal(state: .halfOpen, openedInWindow: 1),
            SignalFixtures.replica: BreakerSignal(state: .closed, openedInWindow: 0),
        ])
    }

    static func emptyDatabase(_ database: any SQLDatabase) async throws {
        let signals = try await AlertSignalsQuery(database: database, rules: SignalFixtures.rules).measure(at: SignalFixtures.now)
        #expect(signals == AlertSignals())
    }

    static func disabledRules(_ database: any SQLDatabase) async throws {
        try await SignalFixtures.load(into: database)
        var rules = SignalFixtures.rules
        rules.negativeSpike.isEnabled = false
        rules.breakerOpen.isEnabled = false
        rules.errorRate.isEnabled = false
        rules.latency.isEnabled = false
        let signals = try await AlertSignalsQuery(database: database, rules: rules).measure(at: SignalFixtures.now)
        #expect(signals == AlertSignals())
    }
}

@Suite("Alert signals query (SQLite)")
struct AlertSignalsQueryTests {
    @Test("negative shares per model and window, boundaries included at the window's end")
    func negativeShares() async throws { try await SQLiteTestDatabase.with(AlertSignalsQueryChecks.negativeShares) }

    @Test("fallback counts and the nearest-rank latency percentile of the window")
    func fallbacksAndLatency() async throws { try await SQLiteTestDatabase.with(AlertSignalsQueryChecks.fallbacksAndLatency) }

    @Test("breaker state from the latest transition up to now, openings within the window")
    func breakers() async throws { try await SQLiteTestDatabase.with(AlertSignalsQueryChecks.breakers) }

    @Test("an empty database measures nothing")
    func emptyDatabase() async throws { try await SQLiteTestDatabase.with(AlertSignalsQueryChecks.emptyDatabase) }

    @Test("disabled rules are not measured")
    func disabledRules() async throws { try await SQLiteTestDatabase.with(AlertSignalsQueryChecks.disabledRules) }
}
