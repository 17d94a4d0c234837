import ValenceCore
import ValenceModels

/// The model service batches a transformer's requests: each text is tokenized on its caller's task, and the
/// batcher's forward passes run on the engine's inference thread.
extension TransformerModel: BatchableModel {
    public func prepare(_ text: String) -> [Int32] {
        tokenizer.encode(text, maxLength: maxLength).ids
    }

    public func tokenCount(_ prepared: [Int32]) -> Int {
        prepared.count
    }

    public func run(_ batch: [[Int32]]) async throws -> [Classification] {
        try requireClassifier()
        return classifications(fromLogits: try await model.logits(batch))
    }
}
