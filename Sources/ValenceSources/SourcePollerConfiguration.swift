/// How the source poller schedules its work.
public struct SourcePollerConfiguration: Sendable, Equatable {
    /// How often the poller looks for due sources; sources added at run time are seen within one tick.
    public var tick: Duration
    /// The most sources polled at the same time.
    public var maximumConcurrentPolls: Int

    public init(tick: Duration = .seconds(1), maximumConcurrentPolls: Int = 4) {
        self.tick = tick
        self.maximumConcurrentPolls = max(1, maximumConcurrentPolls)
    }
}
