/// The in-process provider: VADER, plus the models loaded into this process (registered under their key, e.g.
/// a `--model-dir` folder's name). Catalog models that are not loaded are reported unavailable, so requests
/// for them fall back to VADER.
public struct BuiltinModelProvider: ModelProvider {
    public let defaultModelKey: String
    private let catalog: ModelCatalog
    private let vader: VaderSentimentModel
    private let loaded: [String: any SentimentModel]
    private let unavailableReason: String

    public init(
        defaultModelKey: String,
        loaded: [any SentimentModel] = [],
        catalog: ModelCatalog = ModelCatalog(),
        vader: VaderSentimentModel = VaderSentimentModel(),
        unavailableReason: String = "not loaded in this process (serve it from a local folder with --model-dir)"
    ) {
        self.defaultModelKey = defaultModelKey
        self.catalog = catalog
        self.vader = vader
        self.loaded = Dictionary(loaded.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.unavailableReason = unavailableReason
    }

    /// Whether a request for `key` would be understood (a catalog key or alias, or a loaded model).
    public func knows(_ key: String) -> Bool {
        loaded[key] != nil || catalog.entry(for: key) != nil
    }

    public func resolve(_ key: String?) async throws -> ModelResolution {
        let requested = key ?? defaultModelKey
        if let model = loaded[requested] { return .ready(model) }
        guard let entry = catalog.entry(for: requested) else { throw ValenceError.unknownModel(requested) }
        if entry.key == VaderSentimentModel.key { return .ready(vader) }
        if let model = loaded[entry.key] { return .ready(model) }
        return .unavailable(key: entry.key, reason: "model '\(entry.key)' is \(unavailableReason)")
    }

    public func statuses() async -> [ModelStatus] {
        let local = loaded.keys.sorted().map { ModelStatus(key: $0, state: "ready") }
        let others = catalog.entries.filter { loaded[$0.key] == nil }.map { entry in
            entry.key == VaderSentimentModel.key
                ? ModelStatus(key: entry.key, state: "ready")
                : ModelStatus(key: entry.key, state: "unavailable", reason: unavailableReason)
        }
        return local + others
    }
}
