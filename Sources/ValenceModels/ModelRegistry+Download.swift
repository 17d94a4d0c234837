import Foundation
import Logging
import ValenceCore

extension ModelRegistry {
    /// Starts downloading a hub model in the background and returns at once; the state moves downloading →
    /// available, or failed with the reason. A model already on disk, downloading, built in or registered from a
    /// folder is left as it is. Throws `ValenceError.unknownModel`, or `.notReady` once the registry is shut down.
    @discardableResult
    public func download(_ key: String) throws -> ModelInfo {
        try state.withLock { state in
            let index = try state.existingIndex(of: key)
            let entry = state.entries[index]
            guard let repository = entry.repository, let revision = entry.revision, entry.directory == nil else {
                return state.info(at: index)
            }
            switch entry.activity {
            case .downloading, .loading: return state.info(at: index)
            case .idle, .failed: break
            }
            guard state.lifecycle != .finished,
                  submit(.download(key: entry.key, repository: repository, revision: revision)) else {
                throw Self.shutDownError
            }
            state.entries[index].activity = .downloading(nil)
            return state.info(at: index)
        }
    }

    func performDownload(key: String, repository: String, revision: String) async {
        var logger = logger
        logger[metadataKey: "model.key"] = "\(key)"
        logger.info("downloading model", metadata: ["model.repository": "\(repository)", "model.revision": "\(revision)"])
        let outcome: ModelRegistryEntry.Activity
        var directory: URL?
        do {
            directory = try await store.download(repository: repository, revision: revision) { [weak self] progress in
                self?.record(progress, for: key)
            }
            outcome = .idle
            logger.info("model downloaded")
        } catch where Task.isCancelled || error is CancellationError {
            outcome = .idle
            logger.info("model download cancelled")
        } catch {
            outcome = .failed("download failed: \(error)")
            logger.error("model download failed", metadata: ["error": "\(error)"])
        }
        state.withLock { state in
            guard let index = state.index(of: key), case .downloading = state.entries[index].activity else { return }
            state.entries[index].activity = outcome
            if let directory { state.entries[index].directory = directory }
        }
    }

    private func record(_ progress: DownloadProgress, for key: String) {
        state.withLock { state in
            guard let index = state.index(of: key), case .downloading = state.entries[index].activity else { return }
            state.entries[index].activity = .downloading(progress)
        }
    }
}
