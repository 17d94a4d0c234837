/// How many items of a job are in each state.
public struct JobCounts: Sendable, Equatable, Codable {
    public var pending: Int
    public var leased: Int
    public var done: Int
    public var failed: Int

    public init(pending: Int = 0, leased: Int = 0, done: Int = 0, failed: Int = 0) {
        self.pending = pending
        self.leased = leased
        self.done = done
        self.failed = failed
    }

    /// Items stored so far (the final total once the job is sealed).
    public var total: Int { pending + leased + done + failed }

    /// Items with a final outcome (done or failed).
    public var settled: Int { done + failed }

    /// The settled share, 0…1; 0 for a job without items.
    public var progress: Double { total == 0 ? 0 : Double(settled) / Double(total) }
}
