/// How a `JobWorker` claims and paces its work.
public struct JobWorkerConfiguration: Sendable {
    /// Identifies the worker's leases (default: hostname, pid and a random suffix).
    public var workerID: String
    /// The most items claimed and scored per round (one scorer call per job in the chunk); below it the worker
    /// sizes chunks to about `chunkTarget` of scoring (`ChunkSizer`).
    public var chunkSize: Int
    /// The scoring time a chunk aims at.
    public var chunkTarget: Duration
    /// How long a claim holds; renewed every third of it while a chunk is being scored.
    public var lease: Duration
    /// The pause when nothing is claimable, stretched by up to `pollJitter` (0…1) at random.
    public var pollInterval: Duration
    public var pollJitter: Double
    /// The pause after the first transient failure, doubled per further failure up to `maxBackoff`; failed
    /// items wait as long before they are claimable again.
    public var initialBackoff: Duration
    public var maxBackoff: Duration

    public init(workerID: String = WorkerIdentity.make(), chunkSize: Int = 1_000, chunkTarget: Duration = .seconds(2),
                lease: Duration = .seconds(30),
                pollInterval: Duration = .milliseconds(200), pollJitter: Double = 0.25,
                initialBackoff: Duration = .milliseconds(200), maxBackoff: Duration = .seconds(10)) {
        self.workerID = workerID
        self.chunkSize = max(1, chunkSize)
        self.chunkTarget = chunkTarget
        self.lease = lease
        self.pollInterval = pollInterval
        self.pollJitter = min(max(pollJitter, 0), 1)
        self.initialBackoff = initialBackoff
        self.maxBackoff = max(initialBackoff, maxBackoff)
    }

    /// The pause after `failures` transient failures in a row (≥ 1), capped, with ±10 % jitter.
    func backoff(afterFailures failures: Int) -> Duration {
        let doublings = min(max(failures - 1, 0), 30)
        let raw = initialBackoff * (1 << doublings)
        return min(raw, maxBackoff) * Double.random(in: 0.9...1.1)
    }

    /// The idle pause with its jitter.
    func idlePause() -> Duration {
        pollInterval * (1 + Double.random(in: 0...pollJitter))
    }
}
