import SQLKit

extension ValenceSchema {
    /// Migration 3: tables `alerts` and `breaker_events` (portable SQL: UUID text keys, epoch-second times).
    public static let alertTables = Migration(version: 3, name: "create alerts and breaker_events") { db in
        try await db.raw("""
            CREATE TABLE alerts (
                id TEXT PRIMARY KEY,
                rule TEXT NOT NULL,
                alert_key TEXT NOT NULL,
                severity TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('active', 'acknowledged', 'resolved')),
                message TEXT NOT NULL,
                measured_value DOUBLE PRECISION NOT NULL,
                threshold DOUBLE PRECISION NOT NULL,
                first_seen DOUBLE PRECISION NOT NULL,
                last_seen DOUBLE PRECISION NOT NULL,
                acknowledged_at DOUBLE PRECISION,
                resolved_at DOUBLE PRECISION
            )
            """).run()
        // Deduplication in the database as well: one alert per rule and key that is not resolved.
        try await db.raw("CREATE UNIQUE INDEX alerts_open_rule_key ON alerts (rule, alert_key) WHERE state <> 'resolved'").run()
        try await db.raw("CREATE INDEX alerts_resolved_at ON alerts (resolved_at)").run()
        try await db.raw("""
            CREATE TABLE breaker_events (
                id TEXT PRIMARY KEY,
                occurred_at DOUBLE PRECISION NOT NULL,
                scope TEXT NOT NULL,
                from_state TEXT NOT NULL,
                to_state TEXT NOT NULL,
                reason TEXT NOT NULL
            )
            """).run()
        try await db.raw("CREATE INDEX breaker_events_occurred_at ON breaker_events (occurred_at)").run()
        try await db.raw("CREATE INDEX breaker_events_scope_occurred_at ON breaker_events (scope, occurred_at)").run()
    }
}
