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
    @Option(name: .customLong("data-dir"), help: "Folder for the database (default ~/.valence).")
    var dataDirectory: String?
    @Option(name: .customLong("database-url"), help: "postgres://USER:PASSWORD@HOST:PORT/DB or sqlite:PATH (default: POSTGRES_* variables, else DATA_DIR/valence.sqlite). Overrides DATABASE_URL.")
    var databaseURL: String?
    @Option(name: .customLong("model-service-url"),
            help: "Model service base URL(s), comma-separated replicas. Overrides MODEL_SERVICE_URL (default http://127.0.0.1:8081).")
    var modelServiceURL: String?

    func run() async throws {
        exitWithParentIfAsked()
        let logger = makeProcessLogger()
        var configuration = ServeConfiguration()
        do {
            let environment = ProcessInfo.processInfo.environment
            try configuration.apply(environment: environment)
            configuration.host = host
            configuration.port = port
            if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
            if let databaseURL { configuration.databaseURL = databaseURL }
            let urls = modelServiceURL ?? environment["MODEL_SERVICE_URL"].flatMap { $0.isEmpty ? nil : $0 }
                ?? "http://127.0.0.1:8081"
            configuration.modelServiceURLs = try ServeConfiguration.modelServiceURLs(urls)
            configuration.inProcessWorker = false  // `valence worker` processes score jobs and poll sources
            let app = try await buildApplication(configuration: configuration, logger: logger)
            try await app.runService()
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }
}
