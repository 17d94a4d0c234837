import Foundation
import Logging
import ServiceLifecycle
import ValenceAlerts
import ValenceCore
import ValenceDatabase
import ValenceHTTP
import ValenceJobs
import ValenceResilience
import ValenceSources
import ValenceStorage

/// What every process that scores and stores needs, chosen from the configuration: the database and its
/// repositories and writers, the models (in process, or model-service replicas when `modelServiceURLs` is set)
/// behind the breaker and the VADER fallback, and the services that keep them running.
struct ValenceRuntime {
    let location: DatabaseConfiguration
    let database: any ManagedDatabase
    let predictions: PredictionService
    let provider: any ModelProvider
    let repository: SQLPredictionRepository
    let writer: PredictionWriter
    let breaker: CircuitBreaker
    let tracker: FallbackTracker
    let breakerEvents: SQLBreakerEventRepository
    let jobs: SQLJobRepository
    let sources: SQLSourceRepository
    let replicas: @Sendable () -> [ModelServiceReplicaStatus]
    /// Returns once the models loaded at start are ready (at once with model services).
    let modelsLoaded: @Sendable () async -> Void
    /// Database, writers, models (registry or replica health checks and HTTP client).
    var services: [any Service]

    static func make(configuration: ServeConfiguration, logger: Logger) async throws -> ValenceRuntime {
        let location = try configuration.databaseConfiguration()
        let database = try await location.open(logger: logger)
        do {
            return try await make(configuration: configuration, location: location, database: database, logger: logger)
        } catch {
            try? await database.close()  // never run as a service, so closed here
            throw error
        }
    }

    private static func make(configuration: ServeConfiguration, location: DatabaseConfiguration,
                             database: any ManagedDatabase, logger: Logger) async throws -> ValenceRuntime {
        let sources = SQLSourceRepository(database: database.database)
        for source in configuration.sources {
            try await sources.upsert(source, at: Date())  // a configuration file's sources, by name
        }
        let repository = SQLPredictionRepository(database: database.database, storeText: configuration.storeText)
        let writer = PredictionWriter(repository: repository, capacity: configuration.writeBufferCapacity, logger: logger)
        let breakerEvents = SQLBreakerEventRepository(database: database.database)
        let eventWriter = BufferedWriter<BreakerEvent>(repository: breakerEvents, logger: logger)
        let breaker = makeBreaker(configuration.breaker, scope: BreakerScope.overall, events: eventWriter, logger: logger)
        var services: [any Service] = [database, writer, eventWriter]
        let provider: any ModelProvider
        var replicas: @Sendable () -> [ModelServiceReplicaStatus] = { [] }
        var modelsLoaded: @Sendable () async -> Void = {}
        if configuration.modelServiceURLs.isEmpty {
            let local = try await LocalModels(configuration: configuration, logger: logger)
            provider = local.registry
            services += local.services
            modelsLoaded = { [gate = local.preloaded] in await gate.wait() }
        } else {
            let remote = try RemoteModels(configuration: configuration, overall: breaker, events: eventWriter, logger: logger)
            provider = remote.provider
            replicas = { remote.provider.replicaStatuses }
            services += remote.services
        }
        let tracker = FallbackTracker()
        return ValenceRuntime(
            location: location, database: database,
            predictions: PredictionService(provider: provider, breaker: breaker, sink: writer, tracker: tracker, logger: logger),
            provider: provider, repository: repository, writer: writer, breaker: breaker, tracker: tracker,
            breakerEvents: breakerEvents, jobs: SQLJobRepository(database: database.database),
            sources: sources, replicas: replicas, modelsLoaded: modelsLoaded, services: services
        )
    }

    /// Adds a job worker scoring through the prediction service.
    mutating func addJobWorker(_ configuration: ServeConfiguration, logger: Logger) {
        let predictions = predictions
        let writer = writer
        let modelsLoaded = modelsLoaded
        services.append(JobWorker(repository: jobs, scorer: { texts, ids, model, source in
            await modelsLoaded()  // not the fallback for a model that is still loading at start
            await writer.waitForRoom(texts.count)  // a worker waits for the database rather than dropping records
            return try await predictions.scoreTexts(texts, ids: ids, model: model, source: source)
        }, configuration: configuration.worker, logger: logger))
    }

    /// Adds the poller of live sources (Reddit, feeds); new items are scored and stored under the source's name.
    mutating func addSourcePoller(logger: Logger) {
        let http = SourceHTTPClient(logger: logger)
        let predictions = predictions
        services.append(SourcePoller(repository: sources, reddit: RedditClient(http: http, logger: logger),
                                     feeds: FeedClient(http: http), logger: logger) { items, source in
            try await predictions.predict(items.map(\.text), model: nil, source: source.configuration.name).ids
        })
        services.append(ShutdownService { try await http.shutdown() })
    }
}

/// Runs `action` at graceful shutdown (closing clients).
struct ShutdownService: Service {
    let action: @Sendable () async throws -> Void

    func run() async throws {
        try? await gracefulShutdown()
        try await action()
    }
}
