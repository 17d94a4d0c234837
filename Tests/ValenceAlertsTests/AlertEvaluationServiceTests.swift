import Foundation
import Logging
import ServiceLifecycle
import SQLKit
import Synchronization
import Testing
import ValenceAlerts
import ValenceCore
import ValenceStorage
import ValenceTestSupport

/// A signal source that fails while `failuresLeft` is above zero, then reports `signals`.
final class FlakySignalSource: AlertSignalSource {
    private let state: Mutex<(failuresLeft: Int, calls: Int)>
    private let signals: AlertSignals

    init(failures: Int, signals: AlertSignals) {
        state = Mutex((failuresLeft: failures, calls: 0))
        self.signals = signals
    }

    var calls: Int { state.withLock { $0.calls } }

    func measure(at now: Date) async throws -> AlertSignals {
        try state.withLock {
            $0.calls += 1
            if $0.failuresLeft > 0 {
                $0.failuresLeft -= 1
                throw ValenceError.notReady("database unreachable")
            }
        }
        return signals
    }
}

@Suite("Alert evaluation service")
struct AlertEvaluationServiceTests {
    let logger = Logger.quiet
    static let now = SignalFixtures.now

    /// 25 predictions in the last minute, 10 of them answered by the fallback (40 %).
    static func fallbackHeavyTraffic() -> [PredictionRecord] {
        (0..<25).map { SignalFixtures.prediction(100 + $0, secondsBeforeNow: Double($0), sentiment: .neutral, fallback: $0 % 5 < 2) }
    }

    @Test("evaluate raises, keeps one alert while the condition holds, and resolves when it clears")
    func lifecycle() async throws {
        try await SQLiteTestDatabase.with { database in
            try await SQLPredictionRepository(database: database).insert(Self.fallbackHeavyTraffic())
            let repository = SQLAlertRepository(database: database)
            let rules = SignalFixtures.rules
            let service = AlertEvaluationService(
                evaluator: AlertEvaluator(rules: rules), signals: AlertSignalsQuery(database: database, rules: rules),
                repository: repository, logger: logger)

            let first = try await service.evaluate(now: Self.now)
            #expect(first.count == 1)
            let raised = try #require(try await repository.open().first)
            #expect(raised.rule == ErrorRateRule.id)
            #expect(raised.value == 0.4)

            try await repository.acknowledge(id: raised.id, at: Self.now.addingTimeInterval(1))
            try await service.evaluate(now: Self.now.addingTimeInterval(2))
            let held = try await repository.open()
            #expect(held.map(\.id) == [raised.id])
            #expect(held.first?.state == .acknowledged)
            #expect(held.first?.lastSeen == Self.now.addingTimeInterval(2))

            try await service.evaluate(now: Self.now.addingTimeInterval(600))
            #expect(try await repository.open().isEmpty)
            let listed = try await repository.list(recentResolved: 5)
            #expect(listed.map(\.state) == [.resolved])
            #expect(listed.first?.resolvedAt == Self.now.addingTimeInterval(600))
        }
    }

    @Test("a write-buffer overflow raises an alert that resolves after a tick without drops")
    func overflow() async throws {
        try await SQLiteTestDatabase.with { database in
            let repository = SQLAlertRepository(database: database)
            let dropped = Mutex(0)
            let service = AlertEvaluationService(
                evaluator: AlertEvaluator(), signals: AlertSignalsQuery(database: database, rules: AlertRules()),
                repository: repository, droppedRecords: { dropped.withLock { $0 } }, logger: logger)
            try await service.evaluate(now: Self.now)
            #expect(try await repository.open().isEmpty)

            dropped.withLock { $0 = 12 }
            try await service.evaluate(now: Self.now.addingTimeInterval(30))
            let alert = try #require(try await repository.open().first)
            #expect(alert.rule == WriteBufferOverflowRule.id)
            #expect(alert.value == 12)

            try await service.evaluate(now: Self.now.addingTimeInterval(60))
            #expect(try await repository.open().isEmpty)
        }
    }

    @Test("a failing evaluation throws from evaluate(now:) and leaves the drop counter for the next one")
    func failedEvaluationKeepsDrops() async throws {
        try await SQLiteTestDatabase.with { database in
            let repository = SQLAlertRepository(database: database)
            let source = FlakySignalSource(failures: 1, signals: AlertSignals())
            let service = AlertEvaluationService(evaluator: AlertEvaluator(), signals: source, repository: repository,
                                                 droppedRecords: { 3 }, logger: logger)
            await #expect(throws: ValenceError.notReady("database unreachable")) {
                try await service.evaluate(now: Self.now)
            }
            let actions = try await service.evaluate(now: Self.now)
            #expect(actions.count == 1)
            #expect(try await repository.open().first?.value == 3)
        }
    }

    @Test("the running service survives database errors and evaluates again on the next tick")
    func survivesErrors() async throws {
        try await SQLiteTestDatabase.with { database in
            let repository = SQLAlertRepository(database: database)
            let firing = AlertSignals(fallbacks: WindowCount(total: 100, matching: 50))
            let source = FlakySignalSource(failures: 3, signals: firing)
            let service = AlertEvaluationService(evaluator: AlertEvaluator(), signals: source, repository: repository,
                                                 interval: .milliseconds(10), logger: logger)
            let group = ServiceGroup(services: [service], logger: logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                for _ in 0..<300 where try await repository.open().isEmpty {
                    try await Task.sleep(for: .milliseconds(10))
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            #expect(source.calls >= 4)
            #expect(try await repository.open().map(\.rule) == [ErrorRateRule.id])
        }
    }
}
