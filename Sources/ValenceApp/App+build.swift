import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ValenceAlerts
import ValenceCore
import ValenceHTTP
import ValenceResilience
import ValenceStorage

/// The composition root of `valence serve` and `valence gateway`: the runtime (database, models in process or
/// model-service replicas, prediction service), alert evaluation, and for `serve` (`jobWorkers` > 0) the job worker
/// and source poller in process, behind the gateway's routes.
public func buildApplication(configuration: ServeConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    var runtime = try await ValenceRuntime.make(configuration: configuration, logger: logger)
    let alerts = SQLAlertRepository(database: runtime.database.database)
    let writer = runtime.writer
    runtime.services.append(AlertEvaluationService(
        evaluator: AlertEvaluator(rules: configuration.alertRules),
        signals: AlertSignalsQuery(database: runtime.database.database, rules: configuration.alertRules),
        repository: alerts, droppedRecords: { writer.snapshot.dropped }, interval: configuration.alertInterval,
        logger: logger
    ))
    if configuration.inProcessWorker {
        runtime.addJobWorker(configuration, logger: logger)
        runtime.addSourcePoller(logger: logger)
    }
    let database = runtime.database
    let api = APIServices(
        predictions: runtime.predictions, models: runtime.provider, repository: runtime.repository, alerts: alerts,
        breakerEvents: runtime.breakerEvents, jobs: runtime.jobs, sources: runtime.sources, writer: writer,
        fallbackTracker: runtime.tracker, breaker: runtime.breaker, pingDatabase: { try await database.ping() },
        databaseDriver: runtime.location.driverName, limits: configuration.limits, apiKey: configuration.apiKey,
        replicas: runtime.replicas
    )
    let router = buildGatewayRouter(services: api, context: BasicRequestContext.self)
    logger.info("valence \(configuration.modelServiceURLs.isEmpty ? "serve" : "gateway")", metadata: [
        "database": "\(runtime.location)", "model.default": "\(runtime.provider.defaultModelKey)",
        "model_service.urls": "\(configuration.modelServiceURLs.joined(separator: ","))",
    ])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "valence"),
        services: runtime.services,
        onServerRunning: announceAddress,
        logger: logger
    )
}

/// The composition root of `valence worker`: the runtime plus a job worker and the source poller, no HTTP.
public func buildWorker(configuration: ServeConfiguration, logger: Logger) async throws -> ServiceGroup {
    var runtime = try await ValenceRuntime.make(configuration: configuration, logger: logger)
    runtime.addJobWorker(configuration, logger: logger)
    runtime.addSourcePoller(logger: logger)
    logger.info("valence worker", metadata: ["database": "\(runtime.location)", "worker.id": "\(configuration.worker.workerID)"])
    return ServiceGroup(configuration: .init(services: runtime.services.map { .init(service: $0) },
                                             gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
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
