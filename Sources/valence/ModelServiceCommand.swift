import ArgumentParser
import Foundation
import Hummingbird
import ValenceApp

/// `valence model-service`: loads models and answers inference requests for gateways.
struct ModelServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model-service",
        abstract: "Load models and serve inference (and model management) over HTTP."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port; the address is printed on stdout).") var port = 8081
    @Option(name: .customLong("data-dir"), help: "Folder of the model cache unless VALENCE_MODEL_CACHE is set (default ~/.valence).")
    var dataDirectory: String?
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder to serve under its folder name (repeatable).")
    var modelDirectories: [String] = []
    @Option(name: .customLong("default-model"), help: "The model for requests without one. Overrides PRELOAD_MODEL.")
    var defaultModel: String?

    func run() async throws {
        exitWithParentIfAsked()
        let logger = makeProcessLogger()
        var configuration = ServeConfiguration()
        do {
            try configuration.apply(environment: ProcessInfo.processInfo.environment)
            configuration.host = host
            configuration.port = port
            if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
            configuration.modelDirectories = modelDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) }
            if let defaultModel { configuration.defaultModel = defaultModel }
            let app = try await buildModelServiceApplication(configuration: configuration, logger: logger)
            try await app.runService()
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }
}
