import Foundation
import Logging
import ServiceLifecycle
import ValenceCore
import ValenceModels

/// The models of this process: the catalog over the hub cache plus registered folders, loaded into a registry
/// whose transformers answer through a dynamic batcher. `services` run the registry and load the folders and the
/// default model at start (a default that is not on disk is reported and answered by the fallback).
public struct LocalModels: Sendable {
    public let registry: ModelRegistry
    public let metrics: ModelServiceMetrics
    /// Open once the start-up loads have finished.
    let preloaded = PreloadGate()
    let store: HubModelStore
    let services: [any Service]

    /// Builds the registry over the hub cache; a folder or default model that cannot be registered is a
    /// `ConfigurationError` (the hub client is shut down first).
    public init(configuration: ServeConfiguration, logger: Logger) async throws {
        let store = HubModelStore(configuration: try configuration.hubConfiguration(), logger: logger)
        do {
            try self.init(configuration: configuration, store: store, logger: logger)
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    private init(configuration: ServeConfiguration, store: HubModelStore, logger: Logger) throws {
        let metrics = ModelServiceMetrics()
        let batching = configuration.batching
        let registry = try ModelRegistry(catalog: configuration.catalog, defaultModelKey: VaderSentimentModel.key, store: store, loader: { request in
            DynamicBatcher(model: try TransformerModel(directory: request.directory, name: request.key),
                           configuration: batching, metrics: metrics)
        }, logger: logger)
        var preload: [String] = []
        for folder in configuration.modelFolders {
            do {
                preload.append(try registry.register(folder: folder.url, key: folder.key).key)
            } catch {
                throw ConfigurationError("model folder \(folder.url.path): \(error)")
            }
        }
        let defaultModel = configuration.resolvedDefaultModel
        do {
            try registry.setDefault(defaultModel)
        } catch {
            throw ConfigurationError("the default model '\(defaultModel)' is neither a catalog key nor a model folder")
        }
        let defaultKey = registry.defaultModelKey
        if !preload.contains(defaultKey) { preload.insert(defaultKey, at: 0) }
        self.registry = registry
        self.metrics = metrics
        self.store = store
        services = [
            RegistryService(registry: registry, store: store),
            ModelPreloader(registry: registry, keys: preload, required: Set(preload).subtracting([defaultKey]),
                           gate: preloaded, logger: logger),
        ]
    }
}

/// Runs the registry's downloads, loads and batching loops until shutdown, then closes the hub client.
struct RegistryService: Service {
    let registry: ModelRegistry
    let store: HubModelStore

    func run() async throws {
        await withGracefulShutdownHandler {
            await registry.run()
        } onGracefulShutdown: {
            registry.shutdown()
        }
        try await store.shutdown()
    }
}

/// Loads models at start. A folder that fails to load stops the process (it was asked for explicitly); a
/// default catalog model that is not downloaded only logs: requests fall back to VADER until it is pulled.
struct ModelPreloader: Service {
    let registry: ModelRegistry
    let keys: [String]
    /// Keys whose failure to load is fatal.
    let required: Set<String>
    let gate: PreloadGate
    let logger: Logger

    func run() async throws {
        for key in keys where key != VaderSentimentModel.key {
            do {
                try await registry.load(key)
                logger.info("model ready", metadata: ["model.key": "\(key)"])
            } catch {
                if required.contains(key) { throw ConfigurationError("model '\(key)' failed to load: \(error)") }
                logger.warning("default model not loaded; requests for it are answered by the fallback",
                               metadata: ["model.key": "\(key)", "reason": "\(error)"])
            }
        }
        gate.open()
        try? await gracefulShutdown()  // a service that returns would end the process
    }
}
