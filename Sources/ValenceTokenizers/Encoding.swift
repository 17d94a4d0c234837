/// The ids a tokenizer produced for one text, ready to feed a model.
///
/// All three arrays have the same length. Pad positions (from ``Tokenizer/encodeBatch(_:maxLength:)``)
/// carry the pad token id, an attention mask of 0 and the padding type id.
public struct Encoding: Sendable, Equatable {
    /// Token ids, special tokens included.
    public var ids: [Int32]
    /// 1 for real tokens, 0 for padding.
    public var attentionMask: [Int32]
    /// Segment (token type) ids; 0 for a single text under the usual templates.
    public var typeIds: [Int32]

    /// Creates an encoding from its three parallel arrays.
    public init(ids: [Int32], attentionMask: [Int32], typeIds: [Int32]) {
        self.ids = ids
        self.attentionMask = attentionMask
        self.typeIds = typeIds
    }

    /// The number of positions, padding included.
    public var count: Int { ids.count }
}
