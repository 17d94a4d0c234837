import Foundation
import ValenceCore
import ValenceEngine
import ValenceTokenizers

/// A HuggingFace-layout folder loaded for inference: tokenizer, encoder, labels and maximum length.
public final class TransformerModel: BatchScorer, Sendable {
    public let modelName: String
    public let model: EncoderModel
    public let tokenizer: Tokenizer
    /// Tokens per text at most (special tokens included).
    public let maxLength: Int?
    /// Texts per forward pass at most, and padded tokens per forward pass at most.
    private let maxBatchSize: Int
    private let tokenBudget: Int

    /// Loads `directory` (config.json, model.safetensors, tokenizer.json). `maxLength` nil → DESIGN.md's rule.
    public init(directory: URL, name: String? = nil, maxLength: Int? = nil, maxBatchSize: Int = 64,
                tokenBudget: Int = 8_192, threads: Int? = nil) throws {
        let tokenizer = try Tokenizer(directory: directory)
        let model = try EncoderModel(directory: directory, threads: threads)
        let limit = model.configuration.maxSequenceLength
        self.tokenizer = tokenizer
        self.model = model
        self.maxLength = MaxLength.resolve(explicit: maxLength, directory: directory, tokenizer: tokenizer).map { min($0, limit) } ?? limit
        modelName = name ?? directory.standardizedFileURL.lastPathComponent
        self.maxBatchSize = max(1, maxBatchSize)
        self.tokenBudget = max(1, tokenBudget)
    }

    /// Token ids per text, special tokens included, truncated to `maxLength`.
    public func tokenize(_ texts: [String]) -> [[Int32]] {
        texts.map { tokenizer.encode($0, maxLength: maxLength).ids }
    }

    public func score(_ texts: [String]) throws -> [Classification] {
        guard model.hasClassifier else {
            throw ConfigurationError("model '\(modelName)' has no classification head; use `valence embed` for its embeddings")
        }
        let ids = tokenize(texts)
        let logits = try forEachLengthSortedBatch(ids) { try model.logitsSync($0) }
        let labels = model.configuration.labels
        return logits.map { row in classification(logits: row, labels: labels) }
    }

    /// Mean-pooled, L2-normalised embeddings, one per text.
    public func embed(_ texts: [String]) throws -> [[Float]] {
        try forEachLengthSortedBatch(tokenize(texts)) { try model.embeddingsSync($0) }
    }

    /// Runs `forward` over batches of similar length (sorted to limit padding) and returns results in input order.
    private func forEachLengthSortedBatch(_ ids: [[Int32]], _ forward: ([[Int32]]) throws -> [[Float]]) throws -> [[Float]] {
        let order = ids.indices.sorted { ids[$0].count < ids[$1].count }
        var results = [[Float]](repeating: [], count: ids.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            // Sorted ascending: the batch's padded length is its last member's length.
            while end < order.count, end - start < maxBatchSize, (end - start + 1) * ids[order[end]].count <= tokenBudget {
                end += 1
            }
            let batch = order[start..<end].map { ids[$0] }
            for (offset, output) in try forward(batch).enumerated() {
                results[order[start + offset]] = output
            }
            start = end
        }
        return results
    }

    func classification(logits: [Float], labels: [String]) -> Classification {
        let probabilities = model.probabilities(fromLogits: logits)
        var best = 0
        for index in probabilities.indices where probabilities[index] > probabilities[best] { best = index }
        let names = probabilities.indices.map { $0 < labels.count ? labels[$0] : "LABEL_\($0)" }
        return Classification(
            sentiment: Sentiment.forLabel(names[best], labelCount: names.count),
            confidence: Double(probabilities[best]),
            scores: zip(names, probabilities).map { LabelScore(label: $0, value: Double($1)) },
            logits: logits
        )
    }
}
