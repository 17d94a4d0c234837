/// The in-process provider of a build without a transformer backend: VADER answers, and every other
/// catalog model is reported unavailable so that requests for it fall back to VADER.
public struct BuiltinModelProvider: ModelProvider {
    public let defaultModelKey: String
    private let catalog: ModelCatalog
    private let vader: VaderSentimentModel
    private let unavailableReason: String

    public init(
        defaultModelKey: String,
        catalog: ModelCatalog = ModelCatalog(),
        vader: VaderSentimentModel = VaderSentimentModel(),
        unavailableReason: String = "no transformer backend is loaded in this process"
    ) {
        self.defaultModelKey = defaultModelKey
        self.catalog = catalog
        self.vader = vader
        self.unavailableReason = unavailableReason
    }

    public func resolve(_ key: String?) async throws -> ModelResolution {
        let requested = key ?? defaultModelKey
        guard let entry = catalog.entry(for: requested) else { throw ValenceError.unknownModel(requested) }
        if entry.key == VaderSentimentModel.key { return .ready(vader) }
        return .unavailable(key: entry.key, reason: "model '\(entry.key)' is not available: \(unavailableReason)")
    }

    public func statuses() async -> [ModelStatus] {
        catalog.entries.map { entry in
            entry.key == VaderSentimentModel.key
                ? ModelStatus(key: entry.key, state: "ready")
                : ModelStatus(key: entry.key, state: "unavailable", reason: unavailableReason)
        }
    }
}
