import Foundation
import ValenceCore
import ValenceEngine
import ValenceTokenizers

/// A HuggingFace-layout folder loaded for inference: tokenizer, encoder, labels and maximum length.
/// Batching is the engine's: it packs a window's texts without padding into passes of at most `tokenBudget`
/// tokens, so texts need no sorting by length here.
public final class TransformerModel: BatchScorer, Sendable {
    public let modelName: String
    public let model: EncoderModel
    public let tokenizer: Tokenizer
    /// Tokens per text at most (special tokens included).
    public let maxLength: Int?

    /// Loads `directory` (config.json, model.safetensors, tokenizer.json). `maxLength` nil → DESIGN.md's rule;
    /// `tokenBudget` bounds the tokens of one forward pass (and so the scratch memory).
    public init(directory: URL, name: String? = nil, maxLength: Int? = nil, tokenBudget: Int = 2_048,
                threads: Int? = nil) throws {
        let tokenizer = try Tokenizer(directory: directory)
        let model = try EncoderModel(directory: directory, threads: threads, tokenBudget: tokenBudget)
        let limit = model.configuration.maxSequenceLength
        self.tokenizer = tokenizer
        self.model = model
        self.maxLength = MaxLength.resolve(explicit: maxLength, directory: directory, tokenizer: tokenizer).map { min($0, limit) } ?? limit
        modelName = name ?? directory.standardizedFileURL.lastPathComponent
    }

    /// Token ids per text, special tokens included, truncated to `maxLength`.
    public func tokenize(_ texts: [String]) -> [[Int32]] {
        texts.map(prepare)
    }

    public func score(_ texts: [String]) throws -> [Classification] {
        try requireClassifier()
        return classifications(fromLogits: try model.logitsSync(tokenize(texts)))
    }

    /// Mean-pooled, L2-normalised embeddings, one per text.
    public func embed(_ texts: [String]) throws -> [[Float]] {
        try model.embeddingsSync(tokenize(texts))
    }

    /// Throws a clear error for a bare encoder (no classification head).
    func requireClassifier() throws {
        guard model.hasClassifier else {
            throw ConfigurationError("model '\(modelName)' has no classification head; use `valence embed` for its embeddings")
        }
    }

    /// One classification per row of logits: probabilities per label name, the most probable label's sentiment.
    func classifications(fromLogits logits: [[Float]]) -> [Classification] {
        let labels = model.configuration.labels
        return logits.map { row in
            let probabilities = model.probabilities(fromLogits: row)
            var best = 0
            for index in probabilities.indices where probabilities[index] > probabilities[best] { best = index }
            let names = probabilities.indices.map { $0 < labels.count ? labels[$0] : "LABEL_\($0)" }
            return Classification(
                sentiment: Sentiment.forLabel(names[best], labelCount: names.count),
                confidence: Double(probabilities[best]),
                scores: zip(names, probabilities).map { LabelScore(label: $0, value: Double($1)) },
                logits: row
            )
        }
    }
}
