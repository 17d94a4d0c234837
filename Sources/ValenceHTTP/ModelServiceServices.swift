import ValenceCore

/// What the model service's routes need, chosen by the composition root.
public struct ModelServiceServices: Sendable {
    /// The models this process serves.
    public var models: any ModelProvider
    public var limits: APILimits
    /// When set, management endpoints require it.
    public var apiKey: String?

    public init(models: any ModelProvider, limits: APILimits = APILimits(), apiKey: String? = nil) {
        self.models = models
        self.limits = limits
        self.apiKey = apiKey
    }

    /// Runs a model; an error that is not a domain error becomes a clear 500 without details leaking.
    func classify(_ model: any SentimentModel, _ texts: [String]) async throws -> [Classification] {
        let results = try await model.classify(texts)
        guard results.count == texts.count else {
            throw ModelServiceError("model '\(model.key)' returned \(results.count) results for \(texts.count) texts")
        }
        return results
    }
}

/// An inference failure inside the model service (answered as a 500).
struct ModelServiceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
