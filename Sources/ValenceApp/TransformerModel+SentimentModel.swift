import ValenceCore

/// A loaded folder serves HTTP predictions too: tokenization on the caller, forward passes on the engine's
/// inference thread (off the cooperative pool).
extension TransformerModel: SentimentModel {
    public var key: String { modelName }

    public func classify(_ texts: [String]) async throws -> [Classification] {
        try await run(tokenize(texts))
    }
}
