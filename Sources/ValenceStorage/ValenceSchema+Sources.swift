import SQLKit

extension ValenceSchema {
    /// Migration 5: tables `sources` and `source_items` (portable SQL: UUID text keys, epoch-second times).
    public static let sourceTables = Migration(version: 5, name: "create sources and source_items") { db in
        try await db.raw("""
            CREATE TABLE sources (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('reddit', 'feed')),
                name TEXT NOT NULL UNIQUE,
                subreddit TEXT,
                url TEXT,
                poll_interval DOUBLE PRECISION NOT NULL,
                include_comments BOOLEAN NOT NULL,
                max_items INTEGER NOT NULL,
                enabled BOOLEAN NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('ok', 'failing')),
                last_error TEXT,
                last_polled_at DOUBLE PRECISION,
                etag TEXT,
                last_modified TEXT,
                created_at DOUBLE PRECISION NOT NULL
            )
            """).run()
        // The deduplication key: one row per item and source, whichever poller inserts it first.
        try await db.raw("""
            CREATE TABLE source_items (
                source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
                external_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('post', 'comment')),
                prediction_id TEXT,
                created_at DOUBLE PRECISION NOT NULL,
                link TEXT,
                author_hash TEXT,
                PRIMARY KEY (source_id, external_id)
            )
            """).run()
        try await db.raw("CREATE INDEX source_items_source_created_at ON source_items (source_id, created_at)").run()
    }
}
