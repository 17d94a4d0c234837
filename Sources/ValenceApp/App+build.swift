import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ValenceAlerts
import ValenceCore
import ValenceDatabase
import ValenceHTTP
import ValenceResilience
import ValenceStorage

/// The composition root of `valence serve` and `valence gateway`: picks the database and the model provider
/// (in process, or model-service replicas over HTTP when `modelServiceURLs` is set) and returns the application
/// with its services (database, prediction writer, replica health checks) attached.
public func buildApplication(configuration: ServeConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let location = try configuration.databaseConfiguration()
    let database = try await location.open(logger: logger)
    let repository = SQLPredictionRepository(database: database.database, storeText: configuration.storeText)
    let writer = PredictionWriter(repository: repository, capacity: configuration.writeBufferCapacity, logger: logger)
    let breakerEvents = SQLBreakerEventRepository(database: database.database)
    let eventWriter = BufferedWriter<BreakerEvent>(repository: breakerEvents, logger: logger)
    let alerts = SQLAlertRepository(database: database.database)
    let evaluation = AlertEvaluationService(
        evaluator: AlertEvaluator(rules: configuration.alertRules),
        signals: AlertSignalsQuery(database: database.database, rules: configuration.alertRules),
        repository: alerts, droppedRecords: { writer.snapshot.dropped }, interval: configuration.alertInterval,
        logger: logger
    )
    let tracker = FallbackTracker()
    let breaker = makeBreaker(configuration.breaker, scope: BreakerScope.overall, events: eventWriter, logger: logger)
    var services: [any Service] = [database, writer, eventWriter, evaluation]
    let provider: any ModelProvider
    var replicas: @Sendable () -> [ModelServiceReplicaStatus] = { [] }
    if configuration.modelServiceURLs.isEmpty {
        let local = try LocalModels(configuration: configuration, logger: logger)
        provider = local.registry
        services += local.services
    } else {
        let gateway = try RemoteModels(configuration: configuration, overall: breaker, events: eventWriter, logger: logger)
        provider = gateway.provider
        replicas = { gateway.provider.replicaStatuses }
        services += gateway.services
    }
    let api = APIServices(
        predictions: PredictionService(provider: provider, breaker: breaker, sink: writer, tracker: tracker, logger: logger),
        models: provider, repository: repository, alerts: alerts, breakerEvents: breakerEvents, writer: writer, fallbackTracker: tracker, breaker: breaker,
        pingDatabase: { try await database.ping() }, databaseDriver: location.driverName,
        limits: configuration.limits, apiKey: configuration.apiKey, replicas: replicas
    )
    let router = buildGatewayRouter(services: api, context: BasicRequestContext.self)
    logger.info("valence \(configuration.modelServiceURLs.isEmpty ? "serve" : "gateway")", metadata: [
        "database": "\(location)", "model.default": "\(provider.defaultModelKey)",
        "model_service.urls": "\(configuration.modelServiceURLs.joined(separator: ","))",
    ])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "valence"),
        services: services,
        onServerRunning: announceAddress,
        logger: logger
    )
}

/// A breaker that logs and stores every transition.
func makeBreaker(_ configuration: CircuitBreakerConfiguration, scope: String, events: BufferedWriter<BreakerEvent>,
                 logger: Logger) -> CircuitBreaker {
    CircuitBreaker(configuration: configuration) { event in
        logger.warning("circuit breaker \(event.from.rawValue) -> \(event.to.rawValue)",
                       metadata: ["breaker.scope": "\(scope)", "breaker.reason": "\(event.reason)"])
        events.record([BreakerEvent(occurredAt: event.at, scope: scope, from: event.from, to: event.to, reason: event.reason)])
    }
}

/// Prints the bound address on stdout (`listening on http://HOST:PORT`), so that `--port 0` can be used by
/// scripts and tests.
@Sendable func announceAddress(_ channel: any Channel) async {
    guard let address = channel.localAddress, let port = address.port else { return }
    let host = address.ipAddress.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "localhost"
    FileHandle.standardOutput.write(Data("listening on http://\(host):\(port)\n".utf8))
}
