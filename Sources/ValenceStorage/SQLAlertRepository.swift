import Foundation
import SQLKit
import ValenceCore

/// `AlertRepository` over any SQLKit database (SQLite, PostgreSQL); table `alerts` (migration 3).
/// Deduplication is checked before writing and enforced by the partial unique index `alerts_open_rule_key`;
/// a raise that loses a race against another process updates the winner's alert instead.
public struct SQLAlertRepository: AlertRepository {
    private let database: any SQLDatabase
    private static let columns: SQLQueryString = """
        id, rule, alert_key, severity, state, message, measured_value, threshold, first_seen, last_seen, \
        acknowledged_at, resolved_at
        """
    /// Rounds of read-then-write before a raise gives up on an alert that keeps changing underneath it.
    private let attempts = 3

    public init(database: any SQLDatabase) {
        self.database = database
    }

    @discardableResult
    public func raiseOrUpdate(_ observation: AlertObservation, at time: Date) async throws -> Alert {
        let fresh = Alert(rule: observation.rule, key: observation.key, severity: observation.severity, state: .active,
                          message: observation.message, value: observation.value, threshold: observation.threshold,
                          firstSeen: time, lastSeen: time)
        for _ in 0..<attempts {
            if let current = try await openAlert(rule: observation.rule, key: observation.key) {
                if current.id == fresh.id { return current }
                try await update(current.id, with: observation, at: time)
                if let updated = try await alert(id: current.id), updated.state != .resolved { return updated }
            } else {
                try await insertUnlessOpen(fresh)
            }
        }
        throw ValenceError.notReady("alert \(observation.rule)/\(observation.key) kept changing concurrently")
    }

    @discardableResult
    public func acknowledge(id: UUID, at time: Date) async throws -> Alert {
        try await database.raw("""
            UPDATE alerts SET state = \(bind: AlertState.acknowledged.rawValue),
                              acknowledged_at = \(bind: time.timeIntervalSince1970)
            WHERE id = \(bind: Self.text(id)) AND state = \(bind: AlertState.active.rawValue)
            """).run()
        guard let alert = try await alert(id: id) else { throw ValenceError.notFound("alert \(Self.text(id))") }
        return alert
    }

    @discardableResult
    public func resolve(rule: String, key: String, at time: Date) async throws -> Alert? {
        guard let current = try await openAlert(rule: rule, key: key) else { return nil }
        try await database.raw("""
            UPDATE alerts SET state = \(bind: AlertState.resolved.rawValue), resolved_at = \(bind: time.timeIntervalSince1970)
            WHERE id = \(bind: Self.text(current.id)) AND state <> \(bind: AlertState.resolved.rawValue)
            """).run()
        return try await alert(id: current.id)
    }

    public func open() async throws -> [Alert] {
        try await database.raw("""
            SELECT \(Self.columns) FROM alerts WHERE state <> \(bind: AlertState.resolved.rawValue)
            ORDER BY first_seen DESC, id
            """).all().map(Self.alert(from:))
    }

    public func list(recentResolved: Int) async throws -> [Alert] {
        let resolved = try await database.raw("""
            SELECT \(Self.columns) FROM alerts WHERE state = \(bind: AlertState.resolved.rawValue)
            ORDER BY resolved_at DESC, id LIMIT \(bind: max(0, recentResolved))
            """).all().map(Self.alert(from:))
        return try await open() + resolved
    }

    private func openAlert(rule: String, key: String) async throws -> Alert? {
        try await database.raw("""
            SELECT \(Self.columns) FROM alerts
            WHERE rule = \(bind: rule) AND alert_key = \(bind: key) AND state <> \(bind: AlertState.resolved.rawValue)
            """).first().map(Self.alert(from:))
    }

    private func alert(id: UUID) async throws -> Alert? {
        try await database.raw("SELECT \(Self.columns) FROM alerts WHERE id = \(bind: Self.text(id))")
            .first().map(Self.alert(from:))
    }

    /// Inserts a new active alert; does nothing when another process raised one for the same rule and key first.
    private func insertUnlessOpen(_ alert: Alert) async throws {
        try await database.raw("""
            INSERT INTO alerts (\(Self.columns))
            VALUES (\(bind: Self.text(alert.id)), \(bind: alert.rule), \(bind: alert.key), \(bind: alert.severity.rawValue),
                    \(bind: alert.state.rawValue), \(bind: alert.message), \(bind: alert.value), \(bind: alert.threshold),
                    \(bind: alert.firstSeen.timeIntervalSince1970), \(bind: alert.lastSeen.timeIntervalSince1970),
                    NULL, NULL)
            ON CONFLICT DO NOTHING
            """).run()
    }

    private func update(_ id: UUID, with observation: AlertObservation, at time: Date) async throws {
        try await database.raw("""
            UPDATE alerts SET severity = \(bind: observation.severity.rawValue), message = \(bind: observation.message),
                              measured_value = \(bind: observation.value), threshold = \(bind: observation.threshold),
                              last_seen = \(bind: time.timeIntervalSince1970)
            WHERE id = \(bind: Self.text(id)) AND state <> \(bind: AlertState.resolved.rawValue)
            """).run()
    }

    private static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    private static func alert(from row: any SQLRow) throws -> Alert {
        let id = try row.decode(column: "id", as: String.self)
        return Alert(
            id: try StoredValue.uuid(id),
            rule: try row.decode(column: "rule", as: String.self),
            key: try row.decode(column: "alert_key", as: String.self),
            severity: try StoredValue.severity(try row.decode(column: "severity", as: String.self), id: id),
            state: try StoredValue.alertState(try row.decode(column: "state", as: String.self), id: id),
            message: try row.decode(column: "message", as: String.self),
            value: try row.decode(column: "measured_value", as: Double.self),
            threshold: try row.decode(column: "threshold", as: Double.self),
            firstSeen: Date(timeIntervalSince1970: try row.decode(column: "first_seen", as: Double.self)),
            lastSeen: Date(timeIntervalSince1970: try row.decode(column: "last_seen", as: Double.self)),
            acknowledgedAt: try row.decode(column: "acknowledged_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            resolvedAt: try row.decode(column: "resolved_at", as: Double?.self).map(Date.init(timeIntervalSince1970:))
        )
    }
}
