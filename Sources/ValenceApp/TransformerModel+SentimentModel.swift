import ValenceCore

/// A loaded folder serves HTTP predictions too: tokenization on the caller, forward passes on the engine's
/// inference thread (off the cooperative pool).
extension TransformerModel: SentimentModel {
    public var key: String { modelName }

    public func classify(_ texts: [String]) async throws -> [Classification] {
        guard model.hasClassifier else {
            throw ConfigurationError("model '\(modelName)' has no classification head")
        }
        let logits = try await model.logits(tokenize(texts))
        let labels = model.configuration.labels
        return logits.map { classification(logits: $0, labels: labels) }
    }
}
