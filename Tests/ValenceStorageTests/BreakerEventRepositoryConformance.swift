import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceResilience
import ValenceStorage

/// The `BreakerEventRepository` conformance suite: every check runs on any migrated `SQLDatabase`.
enum BreakerEventRepositoryConformance {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    static func event(_ index: Int, scope: String = "overall", from: CircuitState, to: CircuitState,
                      reason: String = "failures") -> BreakerEvent {
        BreakerEvent(id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!,
                     occurredAt: start.addingTimeInterval(Double(index) * 10), scope: scope, from: from, to: to, reason: reason)
    }

    /// overall: opens at 10, half-opens at 20, reopens at 30, half-opens at 40, closes at 50; a replica opens at 60.
    static let history: [BreakerEvent] = [
        event(1, from: .closed, to: .open),
        event(2, from: .open, to: .halfOpen, reason: "timeout"),
        event(3, from: .halfOpen, to: .open, reason: "probe failed"),
        event(4, from: .open, to: .halfOpen, reason: "timeout"),
        event(5, from: .halfOpen, to: .closed, reason: "probe succeeded"),
        event(6, scope: "http://127.0.0.1:8081", from: .closed, to: .open),
    ]

    static let checks: [ConformanceCheck] = [
        ConformanceCheck("recorded transitions come back newest first, limited, by scope", recentNewestFirst),
        ConformanceCheck("recording the same event twice stores it once", recordIdempotent),
        ConformanceCheck("activations count transitions to open in a half-open range", activationsInRange),
    ]

    static func recentNewestFirst(_ database: any SQLDatabase) async throws {
        let repository = SQLBreakerEventRepository(database: database)
        for event in history { try await repository.record(event) }
        #expect(try await repository.recent(limit: 10, scope: nil) == history.reversed())
        #expect(try await repository.recent(limit: 2, scope: nil) == [history[5], history[4]])
        #expect(try await repository.recent(limit: 10, scope: "overall") == Array(history[0..<5].reversed()))
        #expect(try await repository.recent(limit: 10, scope: "unknown").isEmpty)
    }

    static func recordIdempotent(_ database: any SQLDatabase) async throws {
        let repository = SQLBreakerEventRepository(database: database)
        try await repository.record(history[0])
        try await repository.record(history[0])
        #expect(try await repository.recent(limit: 10, scope: nil) == [history[0]])
    }

    static func activationsInRange(_ database: any SQLDatabase) async throws {
        let repository = SQLBreakerEventRepository(database: database)
        for event in history { try await repository.record(event) }
        let end = start.addingTimeInterval(1_000)
        #expect(try await repository.activations(from: start, to: end, scope: nil) == 3)
        #expect(try await repository.activations(from: start, to: end, scope: "overall") == 2)
        #expect(try await repository.activations(from: start.addingTimeInterval(10), to: start.addingTimeInterval(30), scope: nil) == 1)
        #expect(try await repository.activations(from: start.addingTimeInterval(11), to: start.addingTimeInterval(31), scope: nil) == 1)
        #expect(try await repository.activations(from: end, to: end.addingTimeInterval(10), scope: nil) == 0)
    }
}

@Suite("Breaker event repository conformance")
struct BreakerEventRepositoryTests {
    @Test("conformance", arguments: TestDatabase.available, BreakerEventRepositoryConformance.checks)
    func conformance(_ target: TestDatabase, _ check: ConformanceCheck) async throws {
        try await target.withDatabase(check.run)
    }
}

@Suite("Schema migration 3")
struct AlertSchemaTests {
    @Test("migration 3 is applied and recorded")
    func migrationRecorded() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let versions = try await database.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
            #expect(versions.contains(3))
            #expect(try await database.raw("SELECT COUNT(*) AS n FROM alerts").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await database.raw("SELECT COUNT(*) AS n FROM breaker_events").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }
}
