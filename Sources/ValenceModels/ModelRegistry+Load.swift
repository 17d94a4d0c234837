import Foundation
import Logging
import ValenceCore

extension ModelRegistry {
    /// Loads a model beside its serving instance (if any), warms it up with one `classify`, then swaps
    /// atomically; requests holding the old instance finish on it and it is freed once they let go. Returns when
    /// the new instance serves; a load already in progress is joined. A failed load keeps the old instance
    /// serving and reports the failure in the state. Throws `ValenceError.unknownModel`, `.notReady` when the
    /// model is not on disk, or the loader's or warm-up's error.
    @discardableResult
    public func load(_ key: String) async throws -> ModelInfo {
        refreshDirectory(of: key)
        return try await withCheckedThrowingContinuation { waiter in
            do {
                if let info = try startLoad(key, waiter: waiter) { waiter.resume(returning: info) }
            } catch {
                waiter.resume(throwing: error)
            }
        }
    }

    /// Stops serving a model (a load in progress is abandoned). Its instance is freed once running requests
    /// finish. Throws `ValenceError.unknownModel`, or `.invalidInput` for the built-in model.
    @discardableResult
    public func unload(_ key: String) throws -> ModelInfo {
        // The old instance comes out of the lock and is dropped here, outside it.
        let (info, waiters, _) = try state.withLock { state in
            let index = try state.existingIndex(of: key)
            guard state.entries[index].source != .builtin else {
                throw ValenceError.invalidInput("the built-in model '\(state.entries[index].key)' cannot be unloaded")
            }
            let released = state.entries[index].instance
            state.entries[index].instance = nil
            state.entries[index].loadedAt = nil
            state.entries[index].generation += 1
            let waiters = state.entries[index].loadWaiters
            state.entries[index].loadWaiters = []
            switch state.entries[index].activity {
            case .loading, .failed: state.entries[index].activity = .idle
            case .idle, .downloading: break
            }
            return (state.info(at: index), waiters, released)
        }
        let error = ValenceError.notReady("model '\(info.key)' was unloaded while loading")
        for waiter in waiters { waiter.resume(throwing: error) }
        logger.info("model unloaded", metadata: ["model.key": "\(info.key)"])
        return info
    }

    /// Asks the store again for a hub model that was not on disk (another process may have pulled it).
    private func refreshDirectory(of key: String) {
        let wanted = state.withLock { state -> (Int, String, String)? in
            guard let index = state.index(of: key), state.entries[index].directory == nil,
                  let repository = state.entries[index].repository, let revision = state.entries[index].revision
            else { return nil }
            return (index, repository, revision)
        }
        guard let (index, repository, revision) = wanted,
              let directory = store.localDirectory(repository: repository, revision: revision) else { return }
        state.withLock { state in
            if state.entries[index].directory == nil { state.entries[index].directory = directory }
        }
    }

    /// Registers the waiter and submits a load when none is running; returns the info when nothing needs loading.
    private func startLoad(_ key: String, waiter: CheckedContinuation<ModelInfo, any Error>) throws -> ModelInfo? {
        try state.withLock { state in
            let index = try state.existingIndex(of: key)
            let entry = state.entries[index]
            if entry.source == .builtin { return state.info(at: index) }
            switch entry.activity {
            case .loading:
                state.entries[index].loadWaiters.append(waiter)
                return nil
            case .downloading:
                throw ValenceError.notReady("model '\(entry.key)' is still downloading")
            case .idle, .failed:
                break
            }
            guard let directory = entry.directory else {
                throw ValenceError.notReady("model '\(entry.key)' is not downloaded; download it first")
            }
            let generation = entry.generation + 1
            guard state.lifecycle != .finished,
                  submit(.load(key: entry.key, directory: directory, generation: generation)) else {
                throw Self.shutDownError
            }
            state.entries[index].generation = generation
            state.entries[index].activity = .loading(generation: generation)
            state.entries[index].loadWaiters.append(waiter)
            return nil
        }
    }

    func performLoad(key: String, directory: URL, generation: Int) async {
        var logger = logger
        logger[metadataKey: "model.key"] = "\(key)"
        logger.info("loading model", metadata: ["model.directory": "\(directory.path)"])
        let result: Result<any SentimentModel, any Error>
        do {
            let model = try await loader(ModelLoadRequest(key: key, directory: directory))
            if let worker = model as? any BackgroundWorkModel, !submit(.background(worker.backgroundWork())) {
                throw Self.shutDownError
            }
            _ = try await model.classify(["warm-up"])
            result = .success(model)
        } catch {
            result = .failure(error)
        }
        var released: (any SentimentModel)?
        let (outcome, waiters) = state.withLock { state -> (Result<ModelInfo, any Error>, [CheckedContinuation<ModelInfo, any Error>]) in
            guard let index = state.index(of: key), state.entries[index].generation == generation,
                  state.entries[index].activity == .loading(generation: generation) else {
                return (.failure(ValenceError.notReady("model '\(key)' load was superseded")), [])
            }
            let waiters = state.entries[index].loadWaiters
            state.entries[index].loadWaiters = []
            switch result {
            case .success(let model):
                released = state.entries[index].instance
                state.entries[index].instance = model
                state.entries[index].loadedAt = Date()
                state.entries[index].activity = .idle
                return (.success(state.info(at: index)), waiters)
            case .failure(let error):
                state.entries[index].activity = .failed("load failed: \(error)")
                return (.failure(error), waiters)
            }
        }
        let swapped = released != nil
        released = nil  // the old instance lives on only in the requests still holding it
        switch outcome {
        case .success: logger.info(swapped ? "model hot-swapped" : "model loaded")
        case .failure(let error): logger.error("model load failed", metadata: ["error": "\(error)"])
        }
        for waiter in waiters { waiter.resume(with: outcome) }
    }
}
