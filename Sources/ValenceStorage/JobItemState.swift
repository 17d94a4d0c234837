/// Where one item of a batch job is (stored in `job_items.state`).
public enum JobItemState: String, Sendable, Codable, CaseIterable {
    /// Waiting to be claimed (after its `available_at`, for a retry).
    case pending
    /// Claimed by a worker until its lease expires.
    case leased
    /// Scored; the result is stored.
    case done
    /// Failed for good: a permanent error or no attempts left.
    case failed
}
