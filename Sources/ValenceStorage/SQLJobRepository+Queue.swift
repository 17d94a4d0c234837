import Foundation
import SQLKit
import ValenceCore

extension SQLJobRepository {
    /// Results per statement (6 binds each), well under both databases' bind limits.
    private static let itemsPerUpdate = 500

    public func claim(workerID: String, limit: Int, lease: Duration, now: Date) async throws -> [ClaimedJobItem] {
        guard limit > 0 else { return [] }
        let expiresAt = now.addingTimeInterval(lease.inMilliseconds / 1_000)
        let rows = try await database.raw(claimStatement(workerID: workerID, limit: limit, now: now.timeIntervalSince1970,
                                                         expiresAt: expiresAt.timeIntervalSince1970)).all()
        guard !rows.isEmpty else { return [] }
        let jobIDs = Set(try rows.map { try StoredValue.uuid(try $0.decode(column: "job_id", as: String.self)) })
        let jobs = try await claimedJobs(Array(jobIDs), now: now)
        return try rows.map { row in
            let jobID = try StoredValue.uuid(try row.decode(column: "job_id", as: String.self))
            let job = jobs[jobID]
            return ClaimedJobItem(
                key: JobItemKey(jobID: jobID, seq: try row.decode(column: "seq", as: Int.self)),
                text: try row.decode(column: "text", as: String.self),
                model: job?.model, source: job?.source,
                attempts: try row.decode(column: "attempts", as: Int.self),
                leaseExpiresAt: expiresAt
            )
        }.sorted { $0.key < $1.key }
    }

    @discardableResult
    public func extendLease(_ items: [JobItemKey], workerID: String, lease: Duration, now: Date) async throws -> Int {
        let expiresAt = now.addingTimeInterval(lease.inMilliseconds / 1_000).timeIntervalSince1970
        var extended = 0
        for (jobID, seqs) in Self.grouped(items) {
            extended += try await database.raw("""
                UPDATE job_items SET lease_expires_at = \(bind: expiresAt)
                WHERE job_id = \(bind: Self.text(jobID)) AND seq IN (\(binds: seqs))
                  AND \(Self.heldBy(workerID))
                RETURNING seq
                """).all().count
        }
        return extended
    }

    @discardableResult
    public func complete(_ items: [CompletedJobItem], workerID: String, now: Date) async throws -> Int {
        var stored = 0
        for (jobID, group) in Dictionary(grouping: items, by: \.key.jobID) {
            var start = group.startIndex
            while start < group.endIndex {
                let end = min(start + Self.itemsPerUpdate, group.endIndex)
                stored += try await storeResults(Array(group[start..<end]), jobID: jobID, workerID: workerID, now: now)
                start = end
            }
            try await settle(jobID, now: now)
        }
        return stored
    }

    public func fail(_ items: [JobItemKey], workerID: String, error: String, retryable: Bool, retryAt: Date,
                     now: Date) async throws {
        for (jobID, seqs) in Self.grouped(items) {
            try await database.raw("""
                UPDATE job_items SET
                    state = CASE WHEN \(retryable)
                                  AND attempts < (SELECT max_attempts FROM jobs WHERE jobs.id = job_items.job_id)
                             THEN 'pending' ELSE 'failed' END,
                    available_at = \(bind: retryAt.timeIntervalSince1970), error = \(bind: error),
                    lease_owner = NULL, lease_expires_at = NULL
                WHERE job_id = \(bind: Self.text(jobID)) AND seq IN (\(binds: seqs))
                  AND \(Self.heldBy(workerID))
                """).run()
            try await settle(jobID, now: now)
        }
    }

    public func release(_ items: [JobItemKey], workerID: String) async throws {
        for (jobID, seqs) in Self.grouped(items) {
            try await database.raw("""
                UPDATE job_items SET state = 'pending', lease_owner = NULL, lease_expires_at = NULL,
                                     attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
                WHERE job_id = \(bind: Self.text(jobID)) AND seq IN (\(binds: seqs))
                  AND \(Self.heldBy(workerID))
                """).run()
        }
    }

    @discardableResult
    public func settleFinishedJobs(now: Date) async throws -> Int {
        let rows = try await database.raw("""
            SELECT id FROM jobs
            WHERE state IN ('queued', 'running') AND sealed_at IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_items.job_id = jobs.id AND job_items.state IN ('pending', 'leased'))
            """).all()
        var settled = 0
        for row in rows where try await settle(try StoredValue.uuid(try row.decode(column: "id", as: String.self)), now: now) {
            settled += 1
        }
        return settled
    }

    /// Moves a sealed, unfinished job whose items are all done or failed to succeeded or failed; returns whether
    /// this call did it. Safe against concurrent callers: the update re-checks state and open items.
    @discardableResult
    func settle(_ jobID: UUID, now: Date) async throws -> Bool {
        let id = Self.text(jobID)
        let open = try await database.raw("""
            SELECT seq FROM job_items WHERE job_id = \(bind: id) AND state IN ('pending', 'leased') LIMIT 1
            """).first()
        guard open == nil, let row = try await database.raw("""
            SELECT state, max_attempts FROM jobs WHERE id = \(bind: id) AND sealed_at IS NOT NULL
            """).first() else { return false }
        let current = try StoredValue.jobState(try row.decode(column: "state", as: String.self), id: id)
        guard !current.isFinished else { return false }
        let failed = try await database.raw("""
            SELECT COUNT(*) AS n FROM job_items WHERE job_id = \(bind: id) AND state = 'failed'
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        var lifecycle = JobLifecycle(state: current)
        let next = try lifecycle.settle(failedItems: failed)
        let error = failed > 0 ? try await failureSummary(jobID, failed: failed,
                                                          maxAttempts: try row.decode(column: "max_attempts", as: Int.self)) : nil
        return try await database.raw("""
            UPDATE jobs SET state = \(bind: next.rawValue), finished_at = \(bind: now.timeIntervalSince1970), error = \(bind: error)
            WHERE id = \(bind: id) AND state = \(bind: current.rawValue)
              AND NOT EXISTS (SELECT 1 FROM job_items WHERE job_id = \(bind: id) AND state IN ('pending', 'leased'))
            RETURNING id
            """).first() != nil
    }

    /// E.g. "3 of 2000 items failed (at most 5 attempts each); first, item 17: the model is unknown".
    private func failureSummary(_ jobID: UUID, failed: Int, maxAttempts: Int) async throws -> String {
        let id = Self.text(jobID)
        let total = try await database.raw("SELECT COUNT(*) AS n FROM job_items WHERE job_id = \(bind: id)")
            .first()?.decode(column: "n", as: Int.self) ?? failed
        let first = try await database.raw("""
            SELECT seq, error FROM job_items WHERE job_id = \(bind: id) AND state = 'failed' ORDER BY seq LIMIT 1
            """).first()
        let detail = try first.map { row in
            "; first, item \(try row.decode(column: "seq", as: Int.self)): \(try row.decode(column: "error", as: String?.self) ?? "unknown error")"
        } ?? ""
        return "\(failed) of \(total) items failed (at most \(maxAttempts) attempts each)\(detail)"
    }

    /// Leases the first claimable items of the oldest job that has any, in one statement, and returns
    /// `job_id, seq, text, attempts`. Picking the job first keeps a claim cheap however large the job: the items
    /// are read in `seq` order from the index of open items and the scan stops at `limit`.
    private func claimStatement(workerID: String, limit: Int, now: Double, expiresAt: Double) -> SQLQueryString {
        func claimable(_ item: String) -> SQLQueryString {
            """
            \(unsafeRaw: item).state IN ('pending', 'leased')
            AND ((\(unsafeRaw: item).state = 'pending' AND \(unsafeRaw: item).available_at <= \(bind: now))
                 OR (\(unsafeRaw: item).state = 'leased' AND \(unsafeRaw: item).lease_expires_at <= \(bind: now)))
            """
        }
        let oldestJob: SQLQueryString = """
            SELECT j.id FROM jobs j
            WHERE j.state IN ('queued', 'running') AND j.sealed_at IS NOT NULL
              AND EXISTS (SELECT 1 FROM job_items c WHERE c.job_id = j.id AND \(claimable("c")))
            ORDER BY j.created_at, j.id LIMIT 1
            """
        let items: SQLQueryString = """
            FROM job_items i WHERE i.job_id = (\(oldestJob)) AND \(claimable("i"))
            ORDER BY i.seq LIMIT \(bind: limit)
            """
        let lease: SQLQueryString = """
            SET state = 'leased', lease_owner = \(bind: workerID), lease_expires_at = \(bind: expiresAt),
                attempts = attempts + 1
            """
        switch dialect {
        case .postgres:
            // SKIP LOCKED: concurrent claimers pass over each other's rows instead of waiting or sharing them;
            // a row leased meanwhile is re-checked against the WHERE clause and skipped.
            return """
                WITH picked AS (SELECT i.job_id, i.seq \(items) FOR UPDATE SKIP LOCKED)
                UPDATE job_items \(lease)
                FROM picked WHERE job_items.job_id = picked.job_id AND job_items.seq = picked.seq
                RETURNING job_items.job_id, job_items.seq, job_items.text, job_items.attempts
                """
        case .sqlite:
            // One statement under SQLite's database-wide write lock: no other writer runs in between.
            return """
                UPDATE job_items \(lease)
                WHERE rowid IN (SELECT i.rowid \(items))
                RETURNING job_id, seq, text, attempts
                """
        }
    }

    /// The model and source of claimed jobs; marks queued ones running (`JobLifecycle.claim`).
    private func claimedJobs(_ jobIDs: [UUID], now: Date) async throws -> [UUID: (model: String?, source: String?)] {
        let ids = jobIDs.map(Self.text)
        try await database.raw("""
            UPDATE jobs SET state = 'running', started_at = \(bind: now.timeIntervalSince1970)
            WHERE id IN (\(binds: ids)) AND state = 'queued'
            """).run()
        var jobs: [UUID: (model: String?, source: String?)] = [:]
        for row in try await database.raw("SELECT id, model, source FROM jobs WHERE id IN (\(binds: ids))").all() {
            jobs[try StoredValue.uuid(try row.decode(column: "id", as: String.self))] =
                (try row.decode(column: "model", as: String?.self), try row.decode(column: "source", as: String?.self))
        }
        return jobs
    }

    /// Stores the results of items of one job that are not yet done or failed; returns how many were stored.
    /// One statement per slice of results: the values ride in a `VALUES` list (`column1`… in both databases) joined
    /// on the primary key, which both planners parse and plan far faster than per-column `CASE` lists.
    private func storeResults(_ items: [CompletedJobItem], jobID: UUID, workerID: String, now: Date) async throws -> Int {
        let rows = SQLList(items.map { item -> any SQLExpression in
            let result = item.result
            let row: SQLQueryString = """
                (CAST(\(bind: item.key.seq) AS INTEGER), CAST(\(bind: result.sentiment.rawValue) AS TEXT),
                 CAST(\(bind: result.confidence) AS DOUBLE PRECISION), CAST(\(bind: result.scores.jsonObjectText) AS TEXT),
                 CAST(\(bind: result.model) AS TEXT), CAST(\(bind: result.fallbackUsed) AS BOOLEAN))
                """
            return row
        })
        // `(state || '')`: looked up by primary key, as in `heldBy`.
        return try await database.raw("""
            UPDATE job_items SET state = 'done', sentiment = v.column2, confidence = v.column3, scores = v.column4,
                model = v.column5, fallback_used = v.column6, error = NULL, lease_owner = NULL, lease_expires_at = NULL,
                completed_at = \(bind: now.timeIntervalSince1970), completed_by = \(bind: workerID)
            FROM (VALUES \(rows)) AS v
            WHERE job_items.job_id = \(bind: Self.text(jobID)) AND job_items.seq = v.column1
              AND (job_items.state || '') IN ('pending', 'leased')
            RETURNING job_items.seq
            """).all().count
    }

    /// Items leased to `workerID`, for statements that also name their keys (`job_id = … AND seq IN (…)`).
    ///
    /// `(state || '')` keeps the state test out of index selection, so both planners look the items up by
    /// primary key: tested on the column itself, SQLite prefers the (job_id, state) index and PostgreSQL the
    /// open-items partial index, and either then walks every open item of the job per statement (quadratic
    /// over a large job).
    private static func heldBy(_ workerID: String) -> SQLQueryString {
        "(state || '') = 'leased' AND lease_owner = \(bind: workerID)"
    }

    private static func grouped(_ items: [JobItemKey]) -> [(UUID, [Int])] {
        Dictionary(grouping: items, by: \.jobID).map { ($0.key, $0.value.map(\.seq)) }
    }
}
