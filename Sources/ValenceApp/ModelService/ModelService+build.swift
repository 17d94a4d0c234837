import Foundation
import Hummingbird
import Logging
import ValenceCore
import ValenceHTTP

/// The composition root of `valence model-service`: the models of this process (catalog over the hub cache and
/// registered folders, dynamically batched) behind the model service's routes.
public func buildModelServiceApplication(configuration: ServeConfiguration,
                                         logger: Logger) async throws -> some ApplicationProtocol {
    let local = try await LocalModels(configuration: configuration, logger: logger)
    let services = ModelServiceServices(registry: local.registry, metrics: local.metrics, limits: configuration.limits,
                                        apiKey: configuration.apiKey)
    let router = buildModelServiceRouter(services: services, context: BasicRequestContext.self)
    logger.info("valence model-service", metadata: ["model.default": "\(local.registry.defaultModelKey)"])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "valence-model-service"),
        services: local.services,
        onServerRunning: announceAddress,
        logger: logger
    )
}
