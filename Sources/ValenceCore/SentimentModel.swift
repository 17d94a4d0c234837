/// A model that scores texts. Implementations must be safe to call concurrently.
public protocol SentimentModel: Sendable {
    /// The catalog key the model answers under (e.g. `vader`, `distilbert-sentiment`).
    var key: String { get }
    /// Classifies each text; the result has one entry per text, in order.
    func classify(_ texts: [String]) async throws -> [Classification]
}
