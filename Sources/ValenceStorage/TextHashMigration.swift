import SQLKit

/// Migration 2: `predictions.text_hash` (hex SHA-256 of the text, backfilled for stored rows) and the
/// indexes behind the analytics filters: source + time and sentiment (time and model + time exist since 1).
enum TextHashMigration {
    /// Rows hashed per round trip while backfilling SQLite.
    private static let backfillBatch = 1_000

    @Sendable
    static func apply(_ database: any SQLDatabase) async throws {
        try await database.raw("ALTER TABLE predictions ADD COLUMN text_hash TEXT").run()
        try await backfill(database)
        try await database.raw("CREATE INDEX IF NOT EXISTS predictions_source_created_at ON predictions (source, created_at)").run()
        try await database.raw("CREATE INDEX IF NOT EXISTS predictions_sentiment ON predictions (sentiment)").run()
    }

    /// Hashes the texts already stored: in SQL on PostgreSQL; in batches from Swift on SQLite, which has no SHA-256.
    private static func backfill(_ database: any SQLDatabase) async throws {
        switch SQLDialectFamily(database) {
        case .postgres:
            try await database.raw("""
                UPDATE predictions SET text_hash = encode(sha256(convert_to(text, 'UTF8')), 'hex') WHERE text IS NOT NULL
                """).run()
        case .sqlite:
            while true {
                let rows = try await database.raw("""
                    SELECT id, text FROM predictions WHERE text IS NOT NULL AND text_hash IS NULL LIMIT \(literal: backfillBatch)
                    """).all()
                for row in rows {
                    let hash = TextHash.sha256Hex(try row.decode(column: "text", as: String.self))
                    try await database.raw("UPDATE predictions SET text_hash = \(bind: hash) WHERE id = \(bind: try row.decode(column: "id", as: String.self))").run()
                }
                if rows.count < backfillBatch { return }
            }
        }
    }
}
