/// Where a source's items come from.
public enum SourceKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// A subreddit's new posts (and their comments) through Reddit's public JSON listing.
    case reddit
    /// An RSS 2.0 or Atom feed.
    case feed
}
