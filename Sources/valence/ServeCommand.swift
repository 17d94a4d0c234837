import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ValenceApp

/// `valence serve`: everything in one process on an embedded SQLite database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the gateway, the model in process and the database writer in one process."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Option(name: .customLong("data-dir"), help: "Folder for the database and the model cache (default ~/.valence).")
    var dataDirectory: String?
    @Option(name: .customLong("database-url"), help: "postgres://USER:PASSWORD@HOST:PORT/DB or sqlite:PATH (default: POSTGRES_* variables, else DATA_DIR/valence.sqlite). Overrides DATABASE_URL.")
    var databaseURL: String?
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder to serve under its folder name (repeatable).")
    var modelDirectories: [String] = []
    @Flag(name: .customLong("no-worker"), help: "Run no job worker or source poller in this process (use `valence worker`).")
    var noWorker = false
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
            if let databaseURL { configuration.databaseURL = databaseURL }
            configuration.modelDirectories = modelDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) }
            if let defaultModel { configuration.defaultModel = defaultModel }
            configuration.inProcessWorker = !noWorker
            let app = try await buildApplication(configuration: configuration, logger: logger)
            try await app.runService()
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }
}
