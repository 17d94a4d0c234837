/// Where a batch job is in its life (stored in `jobs.state`).
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Accepted; no item claimed yet (items may still be arriving: see `Job.isSealed`).
    case queued
    /// At least one item was claimed by a worker.
    case running
    /// Every item has a result.
    case succeeded
    /// Every item is settled and at least one failed for good (see `Job.error`).
    case failed
    /// Cancelled by a client: no item is claimed any more.
    case cancelled

    /// The job will not change state any more.
    public var isFinished: Bool {
        switch self {
        case .queued, .running: false
        case .succeeded, .failed, .cancelled: true
        }
    }
}
