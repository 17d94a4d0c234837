import Foundation

/// One post or comment fetched from a source, ready for scoring. It carries the author only as a hash.
public struct SourceItem: Sendable, Equatable {
    public var sourceID: UUID
    /// The source's own id of the item (a Reddit fullname such as `t3_abc`, a feed entry's guid, id or link);
    /// unique per source, the deduplication key.
    public var externalID: String
    public var kind: SourceItemKind
    /// What is scored: for posts the title and the body, as plain text.
    public var text: String
    /// `SourceItem.authorHash(of:)` of the author's name; nil when the source names no author.
    public var authorHash: String?
    /// When the item was published (the fetch time when the source does not say).
    public var createdAt: Date
    /// Where a person can read the item.
    public var link: String?

    public init(sourceID: UUID, externalID: String, kind: SourceItemKind, text: String, authorHash: String?,
                createdAt: Date, link: String?) {
        self.sourceID = sourceID
        self.externalID = externalID
        self.kind = kind
        self.text = text
        self.authorHash = authorHash
        self.createdAt = createdAt
        self.link = link
    }

    /// The lowercase hex SHA-256 of an author's name; nil for no name or an empty one.
    public static func authorHash(of name: String?) -> String? {
        guard let name, !name.isEmpty else { return nil }
        return TextHash.sha256Hex(name)
    }
}
