import ValenceStorage

/// What one fetch of a source found.
public struct SourceFetch: Sendable, Equatable {
    /// The items not yet known, newest first as the source lists them, at most the poll's limit.
    public var items: [SourceItem]
    /// The validators to send next time (for Reddit, and when a feed answered 304: the old ones).
    public var validators: HTTPValidators
    /// Whether the feed answered 304 Not Modified.
    public var notModified: Bool

    public init(items: [SourceItem], validators: HTTPValidators, notModified: Bool) {
        self.items = items
        self.validators = validators
        self.notModified = notModified
    }
}
