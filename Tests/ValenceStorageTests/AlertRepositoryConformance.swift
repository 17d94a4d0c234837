import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceCore
import ValenceStorage

/// The `AlertRepository` conformance suite: every check runs on any migrated `SQLDatabase`.
enum AlertRepositoryConformance {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func observation(rule: String = "error_rate", key: String = "overall", value: Double = 0.5,
                            message: String = "fallback share 50 %") -> AlertObservation {
        AlertObservation(rule: rule, key: key, severity: .warning, message: message, value: value, threshold: 0.2)
    }

    static let checks: [ConformanceCheck] = [
        ConformanceCheck("a raise stores an active alert with every field", raiseStoresFields),
        ConformanceCheck("a second raise for the same rule and key updates the open alert", raiseDeduplicates),
        ConformanceCheck("different keys and rules give different alerts", raiseSeparatesKeys),
        ConformanceCheck("acknowledge marks active alerts; raises keep them acknowledged", acknowledgeKeepsState),
        ConformanceCheck("acknowledging an unknown id is notFound", acknowledgeUnknown),
        ConformanceCheck("acknowledging a resolved alert changes nothing", acknowledgeResolved),
        ConformanceCheck("resolve closes the open alert; a later raise starts a new one", resolveThenRaise),
        ConformanceCheck("list gives open alerts, then the most recently resolved", listOpenThenRecent),
        ConformanceCheck("the database allows one unresolved alert per rule and key", databaseEnforcesDedup),
    ]

    static func raiseStoresFields(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        let time = start.addingTimeInterval(0.25)
        let raised = try await repository.raiseOrUpdate(observation(message: "négatif 😀 'quoted'"), at: time)
        let expected = Alert(id: raised.id, rule: "error_rate", key: "overall", severity: .warning, state: .active,
                             message: "négatif 😀 'quoted'", value: 0.5, threshold: 0.2, firstSeen: time, lastSeen: time)
        #expect(raised == expected)
        #expect(try await repository.open() == [expected])
        #expect(try await repository.list(recentResolved: 10) == [expected])
    }

    static func raiseDeduplicates(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        let first = try await repository.raiseOrUpdate(observation(value: 0.3), at: start)
        var critical = observation(value: 0.9, message: "worse")
        critical.severity = .critical
        let second = try await repository.raiseOrUpdate(critical, at: start.addingTimeInterval(30))
        #expect(second.id == first.id)
        #expect(second.firstSeen == start)
        #expect(second.lastSeen == start.addingTimeInterval(30))
        #expect(second.value == 0.9)
        #expect(second.message == "worse")
        #expect(second.severity == .critical)
        #expect(try await repository.open().count == 1)
    }

    static func raiseSeparatesKeys(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        try await repository.raiseOrUpdate(observation(rule: "negative_spike", key: "vader"), at: start)
        try await repository.raiseOrUpdate(observation(rule: "negative_spike", key: "distilbert-sentiment"), at: start)
        try await repository.raiseOrUpdate(observation(rule: "error_rate", key: "vader"), at: start)
        #expect(try await repository.open().count == 3)
    }

    static func acknowledgeKeepsState(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        let raised = try await repository.raiseOrUpdate(observation(), at: start)
        let acknowledged = try await repository.acknowledge(id: raised.id, at: start.addingTimeInterval(5))
        #expect(acknowledged.state == .acknowledged)
        #expect(acknowledged.acknowledgedAt == start.addingTimeInterval(5))
        let again = try await repository.acknowledge(id: raised.id, at: start.addingTimeInterval(9))
        #expect(again.acknowledgedAt == start.addingTimeInterval(5))
        let updated = try await repository.raiseOrUpdate(observation(value: 0.7), at: start.addingTimeInterval(30))
        #expect(updated.id == raised.id)
        #expect(updated.state == .acknowledged)
        #expect(updated.value == 0.7)
    }

    static func acknowledgeUnknown(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        let unknown = UUID(uuidString: "00000000-0000-0000-0000-00000000abcd")!
        await #expect(throws: ValenceError.notFound("alert 00000000-0000-0000-0000-00000000abcd")) {
            try await repository.acknowledge(id: unknown, at: start)
        }
    }

    static func acknowledgeResolved(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        let raised = try await repository.raiseOrUpdate(observation(), at: start)
        let resolved = try #require(try await repository.resolve(rule: "error_rate", key: "overall", at: start.addingTimeInterval(60)))
        let acknowledged = try await repository.acknowledge(id: raised.id, at: start.addingTimeInterval(90))
        #expect(acknowledged == resolved)
        #expect(acknowledged.state == .resolved)
        #expect(acknowledged.acknowledgedAt == nil)
    }

    static func resolveThenRaise(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        let raised = try await repository.raiseOrUpdate(observation(), at: start)
        let resolved = try #require(try await repository.resolve(rule: "error_rate", key: "overall", at: start.addingTimeInterval(60)))
        #expect(resolved.id == raised.id)
        #expect(resolved.state == .resolved)
        #expect(resolved.resolvedAt == start.addingTimeInterval(60))
        #expect(try await repository.resolve(rule: "error_rate", key: "overall", at: start.addingTimeInterval(61)) == nil)
        #expect(try await repository.open().isEmpty)
        let next = try await repository.raiseOrUpdate(observation(), at: start.addingTimeInterval(120))
        #expect(next.id != raised.id)
        #expect(next.state == .active)
        #expect(next.firstSeen == start.addingTimeInterval(120))
    }

    static func listOpenThenRecent(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        for index in 0..<4 {
            try await repository.raiseOrUpdate(observation(key: "old-\(index)"), at: start)
            try await repository.resolve(rule: "error_rate", key: "old-\(index)", at: start.addingTimeInterval(Double(10 + index)))
        }
        try await repository.raiseOrUpdate(observation(key: "first"), at: start.addingTimeInterval(100))
        let second = try await repository.raiseOrUpdate(observation(key: "second"), at: start.addingTimeInterval(200))
        try await repository.acknowledge(id: second.id, at: start.addingTimeInterval(201))
        let listed = try await repository.list(recentResolved: 2)
        #expect(listed.map(\.key) == ["second", "first", "old-3", "old-2"])
        #expect(listed.map(\.state) == [.acknowledged, .active, .resolved, .resolved])
        #expect(try await repository.list(recentResolved: 0).count == 2)
    }

    static func databaseEnforcesDedup(_ database: any SQLDatabase) async throws {
        let repository = SQLAlertRepository(database: database)
        try await repository.raiseOrUpdate(observation(), at: start)
        func insert(state: AlertState) async throws {
            try await database.raw("""
                INSERT INTO alerts (id, rule, alert_key, severity, state, message, measured_value, threshold, first_seen, last_seen)
                VALUES (\(bind: UUID().uuidString.lowercased()), 'error_rate', 'overall', 'warning', \(bind: state.rawValue),
                        'duplicate', 1, 0.2, 0, 0)
                """).run()
        }
        await #expect(throws: (any Error).self) { try await insert(state: .active) }
        await #expect(throws: (any Error).self) { try await insert(state: .acknowledged) }
        try await insert(state: .resolved)
        #expect(try await repository.open().count == 1)
    }
}

@Suite("Alert repository conformance")
struct AlertRepositoryTests {
    @Test("conformance", arguments: TestDatabase.available, AlertRepositoryConformance.checks)
    func conformance(_ target: TestDatabase, _ check: ConformanceCheck) async throws {
        try await target.withDatabase(check.run)
    }
}
