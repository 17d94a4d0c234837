import Foundation
import ValenceCore

/// One model the registry knows, with its mutable serving state (kept inside the registry's mutex).
struct ModelRegistryEntry {
    /// What the entry is doing now, apart from whether an instance serves.
    enum Activity: Equatable {
        case idle
        case downloading(DownloadProgress?)
        case loading(generation: Int)
        case failed(String)
    }

    let key: String
    var aliases: [String]
    var repository: String?
    var revision: String?
    var source: ModelSource
    /// The local folder, once known to be complete on disk.
    var directory: URL?
    var activity: Activity = .idle
    /// The instance answering requests; replaced atomically by a hot swap.
    var instance: (any SentimentModel)?
    var loadedAt: Date?
    /// Bumped by every load and unload, so that a load overtaken by an unload or a newer load is discarded.
    var generation = 0
    /// Callers of `load` waiting for the load in progress.
    var loadWaiters: [CheckedContinuation<ModelInfo, any Error>] = []

    init(catalogEntry: CatalogEntry, directory: URL?) {
        key = catalogEntry.key
        aliases = catalogEntry.aliases
        repository = catalogEntry.repository
        revision = catalogEntry.repository == nil ? nil : catalogEntry.revision
        source = catalogEntry.repository == nil ? .builtin : .hub
        self.directory = directory
    }

    init(folderKey: String, directory: URL) {
        key = folderKey
        aliases = []
        source = .folder
        self.directory = directory
    }

    func answers(to keyOrAlias: String) -> Bool {
        key == keyOrAlias || aliases.contains(keyOrAlias)
    }

    var state: ModelState {
        switch activity {
        case .downloading(let progress): .downloading(progress)
        case .loading: .loading
        case .failed(let reason): .failed(reason: reason)
        case .idle: instance != nil ? .ready : directory != nil ? .available : .notDownloaded
        }
    }

    func info(isDefault: Bool) -> ModelInfo {
        ModelInfo(
            key: key, aliases: aliases, repository: repository, revision: revision, source: source,
            state: state, serving: instance != nil, isDefault: isDefault, loadedAt: loadedAt
        )
    }

    /// Why a request for this model cannot be answered now (only meaningful without an instance).
    var unavailableReason: String {
        switch state {
        case .notDownloaded: "model '\(key)' is not downloaded"
        case .downloading(let progress):
            if let percent = progress?.fraction.map({ Int($0 * 100) }) {
                "model '\(key)' is downloading (\(percent)%)"
            } else {
                "model '\(key)' is downloading"
            }
        case .loading: "model '\(key)' is loading"
        case .failed(let reason): "model '\(key)' failed: \(reason)"
        case .available: "model '\(key)' is downloaded but not loaded"
        case .ready: "model '\(key)' is ready"
        }
    }
}
