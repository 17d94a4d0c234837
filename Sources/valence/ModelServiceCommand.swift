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
    @OptionGroup var models: LocalModelOptions
    @OptionGroup var config: ConfigurationFileOption

    func run() async throws {
        try await runProcess(config: config, { configuration, _ in
            configuration.host = host
            configuration.port = port
            if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
            try config.apply(to: &configuration)
            models.apply(to: &configuration)
        }, { configuration, logger in
            try await buildModelServiceApplication(configuration: configuration, logger: logger).runService()
        })
    }
}
