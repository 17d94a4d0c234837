import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ValenceCore
import ValenceHTTP
import ValenceResilience
import ValenceStorage

/// The composition root of `valence serve`: picks the database and model provider and returns the
/// application with its services (database, prediction writer) attached.
public func buildApplication(configuration: ServeConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let location = try DatabaseLocation.parse(configuration.databaseURL, dataDirectory: configuration.dataDirectory)
    guard case .sqlite(let path) = location else { throw ConfigurationError("unsupported database") }
    let database = try await SQLiteDatabaseService.open(path: path, logger: logger)
    let repository = SQLPredictionRepository(database: database.database)
    let writer = PredictionWriter(repository: repository, capacity: configuration.writeBufferCapacity, logger: logger)
    let loaded = try configuration.modelDirectories.map { directory in
        do {
            return try TransformerModel(directory: directory)
        } catch {
            throw ConfigurationError("--model-dir \(directory.path): \(error)")
        }
    }
    let defaultModel = configuration.resolvedDefaultModel
    let provider = BuiltinModelProvider(defaultModelKey: defaultModel, loaded: loaded)
    guard provider.knows(defaultModel) else {
        throw ConfigurationError("the default model '\(defaultModel)' is neither a catalog key nor a --model-dir folder")
    }
    let tracker = FallbackTracker()
    let breaker = CircuitBreaker(configuration: configuration.breaker) { event in
        logger.warning("circuit breaker \(event.from.rawValue) -> \(event.to.rawValue)",
                       metadata: ["breaker.reason": "\(event.reason)"])
    }
    let services = APIServices(
        predictions: PredictionService(provider: provider, breaker: breaker, sink: writer, tracker: tracker,
                                       storeText: configuration.storeText, logger: logger),
        models: provider, repository: repository, writer: writer, fallbackTracker: tracker, breaker: breaker,
        pingDatabase: { try await database.ping() }, databaseDriver: "sqlite",
        limits: configuration.limits, apiKey: configuration.apiKey
    )
    let router = buildGatewayRouter(services: services, context: BasicRequestContext.self)
    logger.info("valence serve", metadata: ["database.path": "\(path)", "model.default": "\(defaultModel)"])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "valence"),
        services: [database, writer],
        logger: logger
    )
}
