/// How many items a worker claims next: it starts small and then aims at `target` of scoring per chunk at the
/// rate the last chunk was scored, growing at most twofold per round, within 1…`maximum`. A fast model (VADER)
/// soon claims `maximum` items per round trip; a transformer keeps chunks short, so leases stay fresh and a
/// crash loses little work.
struct ChunkSizer: Sendable {
    let maximum: Int
    let target: Duration
    private(set) var current: Int

    init(maximum: Int, target: Duration, initial: Int = 32) {
        self.maximum = max(1, maximum)
        self.target = target
        current = min(max(1, initial), self.maximum)
    }

    /// Adjusts the size after `items` were scored in `duration`.
    mutating func record(items: Int, in duration: Duration) {
        guard items > 0 else { return }
        let seconds = max(duration.inMilliseconds / 1_000, 0.000_001)
        let fitting = Double(items) / seconds * (target.inMilliseconds / 1_000)
        current = min(maximum, 2 * current, max(1, Int(fitting)))
    }
}
