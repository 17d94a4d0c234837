import Foundation
import Hummingbird
import Logging
import ValenceCore
import ValenceHTTP

/// The composition root of `valence model-service`: loads the models and returns the application serving them.
public func buildModelServiceApplication(configuration: ModelServiceConfiguration,
                                         logger: Logger) async throws -> some ApplicationProtocol {
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
    let services = ModelServiceServices(models: provider, limits: configuration.limits, apiKey: configuration.apiKey)
    let router = buildModelServiceRouter(services: services, context: BasicRequestContext.self)
    logger.info("valence model-service", metadata: ["model.default": "\(defaultModel)"])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "valence-model-service"),
        onServerRunning: announceAddress,
        logger: logger
    )
}
