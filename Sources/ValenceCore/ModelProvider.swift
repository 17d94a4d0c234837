/// How a model request resolves.
public enum ModelResolution: Sendable {
    /// The model is loaded and answers.
    case ready(any SentimentModel)
    /// The model is known but cannot answer now (not downloaded, loading, failed); the reason says why.
    case unavailable(key: String, reason: String)
}

/// The readiness of one model, as /status and /ready report it.
public struct ModelStatus: Sendable, Equatable, Codable {
    public var key: String
    /// `ready`, `unavailable`, `loading`, `failed` …
    public var state: String
    public var reason: String?

    public init(key: String, state: String, reason: String? = nil) {
        self.key = key
        self.state = state
        self.reason = reason
    }
}

/// Where the prediction service gets its models: in process, or a model service over HTTP.
public protocol ModelProvider: Sendable {
    /// The key a request without `model` is answered by.
    var defaultModelKey: String { get }
    /// Resolves a key (nil → the default). Throws `ValenceError.unknownModel` for a key nobody knows.
    func resolve(_ key: String?) async throws -> ModelResolution
    /// The readiness of every model this provider knows.
    func statuses() async -> [ModelStatus]
}
