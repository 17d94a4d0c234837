import ValenceCore

/// What GET /ready reports: 200 once the default model answers, else 503, with every model's state.
public struct ModelReadiness: Sendable, Equatable, Codable {
    /// Whether the default model has an instance answering requests.
    public var ready: Bool
    public var defaultModel: String
    public var models: [ModelStatus]

    enum CodingKeys: String, CodingKey {
        case ready, models
        case defaultModel = "default_model"
    }

    public init(ready: Bool, defaultModel: String, models: [ModelStatus]) {
        self.ready = ready
        self.defaultModel = defaultModel
        self.models = models
    }
}
