import Foundation
import SQLKit
import ValenceCore

/// `JobRepository` over any SQLKit database (SQLite, PostgreSQL); tables `jobs` and `job_items` (migration 4).
/// Claiming is one atomic statement per call: `FOR UPDATE SKIP LOCKED` on PostgreSQL, an `UPDATE … RETURNING`
/// under SQLite's single-writer lock, so it is safe on a connection pool and across processes.
/// State rules follow `JobLifecycle`; they are written as conditional updates so that concurrent workers agree.
public struct SQLJobRepository: JobRepository {
    let database: any SQLDatabase
    let dialect: SQLDialectFamily
    /// Rows per INSERT statement: 5 columns × 400 rows stays under every driver's bind limit.
    private let rowsPerInsert = 400

    public init(database: any SQLDatabase) {
        self.database = database
        self.dialect = SQLDialectFamily(database)
    }

    @discardableResult
    public func createJob(_ job: NewJob) async throws -> Job {
        guard job.maxAttempts >= 1 else { throw ValenceError.invalidInput("maxAttempts must be at least 1") }
        try await database.raw("""
            INSERT INTO jobs (id, state, model, source, input_format, text_field, total_items, max_attempts, created_at)
            VALUES (\(bind: Self.text(job.id)), \(bind: JobState.queued.rawValue), \(bind: job.model), \(bind: job.source),
                    \(bind: job.inputFormat.rawValue), \(bind: job.textField), 0, \(bind: job.maxAttempts),
                    \(bind: job.createdAt.timeIntervalSince1970))
            """).run()
        return try await self.job(job.id)
    }

    public func appendItems(_ items: [NewJobItem], to jobID: UUID) async throws {
        let current = try await job(jobID)
        try Self.checkAccepting(current)
        guard items.allSatisfy({ $0.seq >= 0 }) else { throw ValenceError.invalidInput("item positions start at 0") }
        var start = items.startIndex
        while start < items.endIndex {
            let end = min(start + rowsPerInsert, items.endIndex)
            let rows: [[any SQLExpression]] = items[start..<end].map { item in
                [SQLBind(Self.text(jobID)), SQLBind(item.seq), SQLBind(item.text), SQLBind(item.inputRecord),
                 SQLBind(JobItemState.pending.rawValue)]
            }
            try await database.insert(into: "job_items")
                .columns("job_id", "seq", "text", "input_record", "state")
                .rows(rows)
                .ignoringConflicts(with: ["job_id", "seq"])
                .run()
            start = end
        }
    }

    @discardableResult
    public func seal(_ jobID: UUID, total: Int, inputColumns: [String]? = nil, now: Date) async throws -> Job {
        let current = try await job(jobID)
        if current.isSealed, current.counts.total == total { return current }
        try Self.checkAccepting(current)
        guard current.counts.total == total else {
            throw ValenceError.invalidInput("job \(Self.text(jobID)) has \(current.counts.total) items stored, not \(total)")
        }
        try await database.raw("""
            UPDATE jobs SET sealed_at = \(bind: now.timeIntervalSince1970), total_items = \(bind: total),
                            input_columns = \(bind: inputColumns.map(StoredValue.namesText))
            WHERE id = \(bind: Self.text(jobID)) AND sealed_at IS NULL
            """).run()
        try await settle(jobID, now: now)
        return try await job(jobID)
    }

    @discardableResult
    public func cancel(_ jobID: UUID, now: Date) async throws -> Job {
        var lifecycle = JobLifecycle(state: try await job(jobID).state)
        try Self.apply(jobID) { () throws(JobTransitionError) in try lifecycle.cancel() }
        try await database.raw("""
            UPDATE jobs SET state = \(bind: JobState.cancelled.rawValue), finished_at = \(bind: now.timeIntervalSince1970)
            WHERE id = \(bind: Self.text(jobID)) AND state IN ('queued', 'running')
            """).run()
        let cancelled = try await job(jobID)
        // The job may have settled between the read and the update: report that as for any finished job.
        var settled = JobLifecycle(state: cancelled.state)
        try Self.apply(jobID) { () throws(JobTransitionError) in try settled.cancel() }
        return cancelled
    }

    public func job(_ jobID: UUID) async throws -> Job {
        guard let row = try await database.raw("""
            SELECT \(Self.jobColumns) FROM jobs WHERE id = \(bind: Self.text(jobID))
            """).first() else {
            throw ValenceError.notFound("no job has the id \(Self.text(jobID))")
        }
        let counts = try await self.counts(of: [jobID])
        return try Self.job(from: row, counts: counts[jobID] ?? JobCounts())
    }

    public func list(page: Int, pageSize: Int) async throws -> JobPage {
        guard page >= 1 else { throw ValenceError.invalidInput("page starts at 1") }
        guard (1...500).contains(pageSize) else { throw ValenceError.invalidInput("pageSize must be 1…500") }
        let total = try await database.raw("SELECT COUNT(*) AS n FROM jobs").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await database.raw("""
            SELECT \(Self.jobColumns) FROM jobs ORDER BY created_at DESC, id DESC
            LIMIT \(bind: pageSize) OFFSET \(bind: (page - 1) * pageSize)
            """).all()
        let ids = try rows.map { try StoredValue.uuid(try $0.decode(column: "id", as: String.self)) }
        let counts = try await self.counts(of: ids)
        let jobs = try zip(rows, ids).map { row, id in try Self.job(from: row, counts: counts[id] ?? JobCounts()) }
        return JobPage(jobs: jobs, page: page, pageSize: pageSize, totalJobs: total)
    }

    public func results(_ jobID: UUID, afterSeq: Int?, limit: Int) async throws -> [JobItemResult] {
        guard try await database.raw("SELECT id FROM jobs WHERE id = \(bind: Self.text(jobID))").first() != nil else {
            throw ValenceError.notFound("no job has the id \(Self.text(jobID))")
        }
        return try await database.raw("""
            SELECT seq, text, input_record, state, sentiment, confidence, scores, model, fallback_used, error
            FROM job_items WHERE job_id = \(bind: Self.text(jobID)) AND seq > \(bind: afterSeq ?? -1)
            ORDER BY seq LIMIT \(bind: max(0, limit))
            """).all().map { try Self.itemResult(from: $0, jobID: jobID) }
    }

    /// Item counts per state for `jobIDs`.
    private func counts(of jobIDs: [UUID]) async throws -> [UUID: JobCounts] {
        guard !jobIDs.isEmpty else { return [:] }
        let rows = try await database.raw("""
            SELECT job_id, state, COUNT(*) AS n FROM job_items
            WHERE job_id IN (\(binds: jobIDs.map(Self.text))) GROUP BY job_id, state
            """).all()
        var counts: [UUID: JobCounts] = [:]
        for row in rows {
            let id = try row.decode(column: "job_id", as: String.self)
            let n = try row.decode(column: "n", as: Int.self)
            let jobID = try StoredValue.uuid(id)
            switch try StoredValue.jobItemState(try row.decode(column: "state", as: String.self), id: id) {
            case .pending: counts[jobID, default: JobCounts()].pending = n
            case .leased: counts[jobID, default: JobCounts()].leased = n
            case .done: counts[jobID, default: JobCounts()].done = n
            case .failed: counts[jobID, default: JobCounts()].failed = n
            }
        }
        return counts
    }

    private static func checkAccepting(_ job: Job) throws {
        guard !job.isSealed else { throw ValenceError.invalidInput("job \(text(job.id)) is sealed: it takes no more items") }
        try apply(job.id) { () throws(JobTransitionError) in try JobLifecycle(state: job.state).acceptItems() }
    }

    /// Runs a lifecycle event, reporting an illegal transition as `invalidInput`.
    static func apply(_ jobID: UUID, _ event: () throws(JobTransitionError) -> Void) throws {
        do {
            try event()
        } catch {
            throw ValenceError.invalidInput("job \(text(jobID)): \(error)")
        }
    }

    static func text(_ id: UUID) -> String { id.uuidString.lowercased() }
}
