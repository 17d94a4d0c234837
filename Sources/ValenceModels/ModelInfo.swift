import Foundation

/// One registry entry as GET /models and GET /models/{key} show it.
public struct ModelInfo: Sendable, Equatable, Codable {
    public var key: String
    public var aliases: [String]
    /// The hub repository, for hub models.
    public var repository: String?
    /// The hub revision, for hub models.
    public var revision: String?
    public var source: ModelSource
    /// `available`, `not_downloaded`, `downloading`, `loading`, `ready` or `failed` (see `ModelState.name`).
    public var state: String
    /// Why the last download or load failed, when the state is `failed`.
    public var reason: String?
    /// The download progress while downloading.
    public var progress: DownloadProgress?
    /// Whether an instance answers requests now; stays true during a hot swap and after a failed reload.
    public var serving: Bool
    /// Whether requests without a model key are answered by this model.
    public var isDefault: Bool
    /// When the serving instance finished loading.
    public var loadedAt: Date?

    enum CodingKeys: String, CodingKey {
        case key, aliases, repository, revision, source, state, reason, progress, serving
        case isDefault = "is_default", loadedAt = "loaded_at"
    }

    public init(
        key: String, aliases: [String], repository: String?, revision: String?, source: ModelSource,
        state: ModelState, serving: Bool, isDefault: Bool, loadedAt: Date?
    ) {
        self.key = key
        self.aliases = aliases
        self.repository = repository
        self.revision = revision
        self.source = source
        self.state = state.name
        self.serving = serving
        self.isDefault = isDefault
        self.loadedAt = loadedAt
        switch state {
        case .downloading(let progress): self.progress = progress
        case .failed(let reason): self.reason = reason
        default: break
        }
    }
}
