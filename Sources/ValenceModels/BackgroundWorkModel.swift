import ValenceCore

/// A model that needs work running beside it while it serves, such as a batching loop. The registry runs the
/// work in its own task group from load until the work returns.
public protocol BackgroundWorkModel: SentimentModel {
    /// The work to run. It must not keep the model alive, and must return once the model is released or shut
    /// down, or when its task is cancelled.
    func backgroundWork() -> @Sendable () async -> Void
}
