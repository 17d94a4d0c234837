import Foundation

/// Durable batch jobs and their work queue. Unknown job ids throw `ValenceError.notFound`; an event a job's
/// state does not allow throws `ValenceError.invalidInput` (see `JobLifecycle`).
///
/// Submitting: `createJob`, then `appendItems` in batches as an upload streams in, then `seal` with the total;
/// only sealed jobs are claimed. Working: `claim` leases items, then `complete`, `fail` or `release` them,
/// `extendLease` while scoring takes long. Results are stored once per item, whoever scores it twice.
public protocol JobRepository: Sendable {
    /// Stores a new queued, unsealed job without items.
    @discardableResult
    func createJob(_ job: NewJob) async throws -> Job

    /// Appends items to an unsealed job; an item whose `seq` is already stored is skipped.
    func appendItems(_ items: [NewJobItem], to jobID: UUID) async throws

    /// Declares the upload complete: `total` must equal the items stored (else `invalidInput`); `inputColumns` is
    /// an uploaded CSV file's header. A job without items settles as succeeded at once.
    @discardableResult
    func seal(_ jobID: UUID, total: Int, inputColumns: [String]?, now: Date) async throws -> Job

    /// Leases up to `limit` claimable items to `workerID` until `now + lease`: pending items whose retry time has
    /// come and items whose lease expired, all of one job (the oldest sealed queued or running job that has
    /// any), in `seq` order. Concurrent claimers never receive the same item while its lease holds.
    func claim(workerID: String, limit: Int, lease: Duration, now: Date) async throws -> [ClaimedJobItem]

    /// Moves the lease of the items `workerID` still holds to `now + lease`; returns how many it still held.
    @discardableResult
    func extendLease(_ items: [JobItemKey], workerID: String, lease: Duration, now: Date) async throws -> Int

    /// Stores results. Only items not yet done or failed take one: a chunk scored twice (after a lease expired
    /// or a crash) keeps its first results. Returns how many results were stored.
    @discardableResult
    func complete(_ items: [CompletedJobItem], workerID: String, now: Date) async throws -> Int

    /// Records a scoring failure of items `workerID` holds. Retryable: back to pending, claimable from
    /// `retryAt`, unless the job's `maxAttempts` claims are used up; else (or not retryable) failed for good.
    func fail(_ items: [JobItemKey], workerID: String, error: String, retryable: Bool, retryAt: Date, now: Date) async throws

    /// Hands items `workerID` holds back unscored (e.g. at shutdown), without counting the attempt.
    func release(_ items: [JobItemKey], workerID: String) async throws

    /// Moves every sealed, unfinished job whose items are all settled to succeeded or failed; returns how many
    /// (`complete` and `fail` settle their own jobs; this catches a worker that died in between).
    @discardableResult
    func settleFinishedJobs(now: Date) async throws -> Int

    /// Cancels a queued or running job (its items are no longer claimed); a cancelled job stays cancelled.
    @discardableResult
    func cancel(_ jobID: UUID, now: Date) async throws -> Job

    /// The job with its item counts.
    func job(_ jobID: UUID) async throws -> Job

    /// Jobs newest first; `page` is 1-based, `pageSize` 1…500.
    func list(page: Int, pageSize: Int) async throws -> JobPage

    /// Up to `limit` items after `afterSeq` (nil: from the start) in `seq` order, for streaming results.
    func results(_ jobID: UUID, afterSeq: Int?, limit: Int) async throws -> [JobItemResult]
}
