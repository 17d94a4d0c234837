import Foundation
import Logging
import Synchronization
import ValenceCore

/// The model service's models: catalog entries (hub models and the built-in VADER) and registered folders, with
/// their download and load state. Downloads and loads run in `run()`'s task group; a load builds the new
/// instance beside the serving one and swaps atomically, so requests never fail during a swap.
public final class ModelRegistry: ModelProvider, Sendable {
    enum Lifecycle { case notStarted, running, finished }

    struct State {
        var entries: [ModelRegistryEntry]
        var defaultKey: String
        var lifecycle = Lifecycle.notStarted

        func index(of keyOrAlias: String) -> Int? {
            entries.firstIndex { $0.answers(to: keyOrAlias) }
        }

        func existingIndex(of keyOrAlias: String) throws -> Int {
            guard let index = index(of: keyOrAlias) else { throw ValenceError.unknownModel(keyOrAlias) }
            return index
        }

        func info(at index: Int) -> ModelInfo {
            entries[index].info(isDefault: entries[index].key == defaultKey)
        }
    }

    let state: Mutex<State>
    let store: any ModelStore
    let loader: ModelLoader
    let logger: Logger
    let commands: AsyncStream<RegistryCommand>
    let commandSink: AsyncStream<RegistryCommand>.Continuation

    /// Creates the registry; hub models already complete in the store start `available`.
    /// Throws `ValenceError.unknownModel` when `defaultModelKey` is not in the catalog.
    public init(
        catalog: ModelCatalog = ModelCatalog(),
        defaultModelKey: String,
        store: any ModelStore,
        vader: VaderSentimentModel = VaderSentimentModel(),
        loader: @escaping ModelLoader,
        logger: Logger
    ) throws {
        var entries: [ModelRegistryEntry] = []
        for catalogEntry in catalog.entries {
            let directory = catalogEntry.repository.flatMap {
                store.localDirectory(repository: $0, revision: catalogEntry.revision)
            }
            var entry = ModelRegistryEntry(catalogEntry: catalogEntry, directory: directory)
            if catalogEntry.key == vader.key {
                entry.instance = vader
                entry.loadedAt = Date()
            }
            entries.append(entry)
        }
        guard let defaultEntry = entries.first(where: { $0.answers(to: defaultModelKey) }) else {
            throw ValenceError.unknownModel(defaultModelKey)
        }
        state = Mutex(State(entries: entries, defaultKey: defaultEntry.key))
        self.store = store
        self.loader = loader
        self.logger = logger
        (commands, commandSink) = AsyncStream.makeStream()
    }

    // MARK: ModelProvider

    public var defaultModelKey: String {
        state.withLock { $0.defaultKey }
    }

    public func resolve(_ key: String?) async throws -> ModelResolution {
        try state.withLock { state in
            let entry = state.entries[try state.existingIndex(of: key ?? state.defaultKey)]
            if let instance = entry.instance { return .ready(instance) }
            return .unavailable(key: entry.key, reason: entry.unavailableReason)
        }
    }

    public func statuses() async -> [ModelStatus] {
        models().map { ModelStatus(key: $0.key, state: $0.state, reason: $0.reason) }
    }

    // MARK: Queries

    /// Every model, catalog entries first, then registered folders in registration order.
    public func models() -> [ModelInfo] {
        state.withLock { state in state.entries.indices.map { state.info(at: $0) } }
    }

    /// One model by key or alias; throws `ValenceError.unknownModel` for a key nobody knows.
    public func info(_ key: String) throws -> ModelInfo {
        try state.withLock { state in state.info(at: try state.existingIndex(of: key)) }
    }

    /// Whether the default model answers requests, and each model's state (GET /ready).
    public var readiness: ModelReadiness {
        let models = models()
        let defaultModel = models.first { $0.isDefault }
        return ModelReadiness(
            ready: defaultModel?.serving ?? false,
            defaultModel: defaultModel?.key ?? defaultModelKey,
            models: models.map { ModelStatus(key: $0.key, state: $0.state, reason: $0.reason) }
        )
    }

    // MARK: Configuration

    /// Registers a local model folder under `key` (default: the folder's name). A hub entry of the same key is
    /// served from the folder from then on. Throws `ValenceError.invalidInput` when the folder does not exist or
    /// the key is the built-in model's.
    @discardableResult
    public func register(folder: URL, key: String? = nil) throws -> ModelInfo {
        let key = key ?? folder.standardizedFileURL.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValenceError.invalidInput("model folder '\(folder.path)' does not exist")
        }
        return try state.withLock { state in
            guard let index = state.index(of: key) else {
                state.entries.append(ModelRegistryEntry(folderKey: key, directory: folder))
                return state.info(at: state.entries.count - 1)
            }
            guard state.entries[index].source != .builtin else {
                throw ValenceError.invalidInput("model key '\(key)' belongs to a built-in model")
            }
            state.entries[index].source = .folder
            state.entries[index].directory = folder
            state.entries[index].repository = nil
            state.entries[index].revision = nil
            return state.info(at: index)
        }
    }

    /// Makes `key` (or the model an alias names) the model that answers requests without a model key.
    public func setDefault(_ key: String) throws {
        try state.withLock { state in
            state.defaultKey = state.entries[try state.existingIndex(of: key)].key
        }
    }

    // MARK: Lifecycle

    /// Performs downloads, loads and the loaded models' background work (e.g. batching loops) until cancelled or
    /// `shutdown()`; then cancels what is still running and fails waiting loads. Runs once: a second call returns
    /// at once.
    public func run() async {
        let starts = state.withLock { state in
            guard state.lifecycle == .notStarted else { return false }
            state.lifecycle = .running
            return true
        }
        guard starts else { return }
        await withDiscardingTaskGroup { group in
            for await command in commands {
                group.addTask { await self.perform(command) }
            }
            group.cancelAll()
        }
        finishShutdown()
    }

    /// Ends `run()`: running downloads, loads and batching loops are cancelled. Later downloads and loads fail.
    public func shutdown() {
        commandSink.finish()
    }

    private func perform(_ command: RegistryCommand) async {
        switch command {
        case .download(let key, let repository, let revision):
            await performDownload(key: key, repository: repository, revision: revision)
        case .load(let key, let directory, let generation):
            await performLoad(key: key, directory: directory, generation: generation)
        case .background(let work):
            await work()
        }
    }

    private func finishShutdown() {
        commandSink.finish()
        let waiters = state.withLock { state in
            state.lifecycle = .finished
            var waiters: [CheckedContinuation<ModelInfo, any Error>] = []
            for index in state.entries.indices {
                waiters += state.entries[index].loadWaiters
                state.entries[index].loadWaiters = []
                switch state.entries[index].activity {
                case .downloading, .loading: state.entries[index].activity = .idle
                case .idle, .failed: break
                }
            }
            return waiters
        }
        for waiter in waiters { waiter.resume(throwing: Self.shutDownError) }
    }

    static let shutDownError = ValenceError.notReady("the model registry is shut down")

    /// Queues a command for `run()`; false once the registry has shut down.
    func submit(_ command: RegistryCommand) -> Bool {
        if case .terminated = commandSink.yield(command) { return false }
        return true
    }
}
