import Foundation

/// A source item as stored in `source_items`: its key, where it came from and the prediction it became.
public struct StoredSourceItem: Sendable, Equatable {
    public var sourceID: UUID
    public var externalID: String
    public var kind: SourceItemKind
    /// The prediction the item was scored into; nil while it is being scored.
    public var predictionID: UUID?
    public var createdAt: Date
    public var link: String?
    public var authorHash: String?

    public init(sourceID: UUID, externalID: String, kind: SourceItemKind, predictionID: UUID?, createdAt: Date,
                link: String?, authorHash: String?) {
        self.sourceID = sourceID
        self.externalID = externalID
        self.kind = kind
        self.predictionID = predictionID
        self.createdAt = createdAt
        self.link = link
        self.authorHash = authorHash
    }
}
