/// Adds `embedding`: the mean over unpadded tokens of the last hidden state, L2-normalised.
public struct EmbeddingAnnotator: RecordAnnotator {
    private let model: TransformerModel

    public init(model: TransformerModel) {
        self.model = model
    }

    public var fieldNames: [String] { ["embedding"] }

    public func annotate(_ texts: [String]) throws -> [[FieldValue]] {
        try model.embed(texts).map { [.floats($0)] }
    }
}
