import SQLKit

extension ValenceSchema {
    /// Migration 4: tables `jobs` and `job_items` (batch jobs and their durable work queue).
    ///
    /// A job is claimable once sealed (`sealed_at` set, all items appended). An item is `pending`, `leased` (to
    /// `lease_owner` until `lease_expires_at`; an expired lease is claimable again), `done` (its result columns
    /// set once) or `failed` (a permanent error, or `max_attempts` claims used up). `available_at` delays the
    /// retry of an item whose scoring failed transiently.
    public static let jobTables = Migration(version: 4, name: "create jobs and job_items") { db in
        try await db.raw("""
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
                model TEXT,
                source TEXT,
                input_format TEXT NOT NULL CHECK (input_format IN ('texts', 'jsonl', 'csv')),
                text_field TEXT,
                total_items INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL,
                created_at DOUBLE PRECISION NOT NULL,
                sealed_at DOUBLE PRECISION,
                started_at DOUBLE PRECISION,
                finished_at DOUBLE PRECISION,
                error TEXT
            )
            """).run()
        try await db.raw("CREATE INDEX jobs_created_at ON jobs (created_at)").run()
        try await db.raw("CREATE INDEX jobs_active ON jobs (created_at) WHERE state IN ('queued', 'running')").run()
        try await db.raw("""
            CREATE TABLE job_items (
                job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                text TEXT NOT NULL,
                input_record TEXT,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'leased', 'done', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                available_at DOUBLE PRECISION NOT NULL DEFAULT 0,
                lease_owner TEXT,
                lease_expires_at DOUBLE PRECISION,
                sentiment TEXT,
                confidence DOUBLE PRECISION,
                scores TEXT,
                model TEXT,
                fallback_used BOOLEAN,
                error TEXT,
                completed_at DOUBLE PRECISION,
                completed_by TEXT,
                PRIMARY KEY (job_id, seq)
            )
            """).run()
        // Claiming scans only the open items of active jobs, in order.
        try await db.raw("CREATE INDEX job_items_open ON job_items (job_id, seq) WHERE state IN ('pending', 'leased')").run()
        try await db.raw("CREATE INDEX job_items_job_state ON job_items (job_id, state)").run()
    }
}

extension ValenceSchema {
    /// Migration 6: `jobs.input_columns`, the header of an uploaded CSV file (a JSON array of names), so results
    /// can be written back as CSV with the input's columns.
    public static let jobInputColumns = Migration(version: 6, name: "job input columns") { db in
        try await db.raw("ALTER TABLE jobs ADD COLUMN input_columns TEXT").run()
    }
}
