/// What one poll of one source came to.
public enum SourcePollOutcome: Sendable, Equatable {
    /// The source was read; `newItems` items were new and scored.
    case polled(newItems: Int)
    /// The feed answered 304 Not Modified.
    case notModified
    /// The poll failed; the source is now marked failing with this reason.
    case failed(reason: String)
    /// The poll was cancelled (shutdown); nothing about the source was changed.
    case cancelled
}
