import Foundation
import SQLKit
import ValenceResilience

/// `BreakerEventRepository` over any SQLKit database (SQLite, PostgreSQL); table `breaker_events` (migration 3).
public struct SQLBreakerEventRepository: BreakerEventRepository {
    private let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    public func record(_ event: BreakerEvent) async throws {
        try await database.raw("""
            INSERT INTO breaker_events (id, occurred_at, scope, from_state, to_state, reason)
            VALUES (\(bind: event.id.uuidString.lowercased()), \(bind: event.occurredAt.timeIntervalSince1970),
                    \(bind: event.scope), \(bind: event.from.rawValue), \(bind: event.to.rawValue), \(bind: event.reason))
            ON CONFLICT (id) DO NOTHING
            """).run()
    }

    public func recent(limit: Int, scope: String?) async throws -> [BreakerEvent] {
        let rows = try await database.raw("""
            SELECT id, occurred_at, scope, from_state, to_state, reason FROM breaker_events
            \(scopeFilter(scope, prefix: "WHERE"))
            ORDER BY occurred_at DESC, id DESC
            LIMIT \(bind: max(0, limit))
            """).all()
        return try rows.map(Self.event(from:))
    }

    public func activations(from: Date, to: Date, scope: String?) async throws -> Int {
        try await database.raw("""
            SELECT COUNT(*) AS n FROM breaker_events
            WHERE to_state = \(bind: CircuitState.open.rawValue)
              AND occurred_at >= \(bind: from.timeIntervalSince1970) AND occurred_at < \(bind: to.timeIntervalSince1970)
              \(scopeFilter(scope, prefix: "AND"))
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func scopeFilter(_ scope: String?, prefix: String) -> SQLQueryString {
        guard let scope else { return "" }
        return "\(unsafeRaw: prefix) scope = \(bind: scope)"
    }

    private static func event(from row: any SQLRow) throws -> BreakerEvent {
        let id = try row.decode(column: "id", as: String.self)
        return BreakerEvent(
            id: try StoredValue.uuid(id),
            occurredAt: Date(timeIntervalSince1970: try row.decode(column: "occurred_at", as: Double.self)),
            scope: try row.decode(column: "scope", as: String.self),
            from: try StoredValue.circuitState(try row.decode(column: "from_state", as: String.self), id: id),
            to: try StoredValue.circuitState(try row.decode(column: "to_state", as: String.self), id: id),
            reason: try row.decode(column: "reason", as: String.self)
        )
    }
}
