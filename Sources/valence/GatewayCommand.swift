import ArgumentParser
import Foundation
import Hummingbird
import ValenceApp

/// `valence gateway`: the public API in front of model-service replicas, with the circuit breaker and VADER fallback.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Run the public API in front of one or more model services (VADER answers when they cannot)."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port; the address is printed on stdout).") var port = 8080
    @OptionGroup var storage: StorageOptions
    @OptionGroup var config: ConfigurationFileOption
    @Option(name: .customLong("model-service-url"),
            help: "Model service base URL(s), comma-separated replicas. Overrides MODEL_SERVICE_URL (default http://127.0.0.1:8081).")
    var modelServiceURL: String?

    func run() async throws {
        try await runProcess(config: config, { configuration, environment in
            configuration.host = host
            configuration.port = port
            try config.apply(to: &configuration)
            storage.apply(to: &configuration)
            configuration.modelServiceURLs = try modelServiceURLs(modelServiceURL, environment: environment)
                ?? ["http://127.0.0.1:8081"]
            configuration.inProcessWorker = false  // `valence worker` processes score jobs and poll sources
        }, { configuration, logger in
            try await buildApplication(configuration: configuration, logger: logger).runService()
        })
    }
}
