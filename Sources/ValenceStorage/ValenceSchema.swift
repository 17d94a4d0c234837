import SQLKit

/// The schema of every Valence database, as ordered migrations (portable SQL: SQLite and PostgreSQL).
public enum ValenceSchema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "create predictions") { db in
            // Times are epoch seconds (DOUBLE PRECISION) so that bucketing is the same arithmetic on both databases.
            try await db.raw("""
                CREATE TABLE predictions (
                    id TEXT PRIMARY KEY,
                    created_at DOUBLE PRECISION NOT NULL,
                    text TEXT,
                    source TEXT,
                    sentiment TEXT NOT NULL,
                    confidence DOUBLE PRECISION NOT NULL,
                    scores TEXT NOT NULL,
                    model TEXT NOT NULL,
                    fallback_used BOOLEAN NOT NULL,
                    latency_ms DOUBLE PRECISION NOT NULL
                )
                """).run()
            try await db.raw("CREATE INDEX predictions_created_at ON predictions (created_at)").run()
            try await db.raw("CREATE INDEX predictions_model_created_at ON predictions (model, created_at)").run()
        },
        Migration(version: 2, name: "text hash and query indexes", apply: TextHashMigration.apply),
        alertTables,
        jobTables,
        sourceTables,
        jobInputColumns,
    ]
}
