import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ValenceApp

/// `valence serve`: everything in one process on an embedded SQLite database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run everything in one process: the API, the models, a job worker and the source poller (SQLite by default)."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port; the address is printed on stdout).") var port = 8080
    @OptionGroup var storage: StorageOptions
    @OptionGroup var config: ConfigurationFileOption
    @OptionGroup var models: LocalModelOptions
    @Flag(name: .customLong("no-worker"), help: "Run no job worker or source poller in this process (use `valence worker`).")
    var noWorker = false

    func run() async throws {
        try await runProcess(config: config, { configuration, _ in
            configuration.host = host
            configuration.port = port
            try config.apply(to: &configuration)
            storage.apply(to: &configuration)
            models.apply(to: &configuration)
            configuration.inProcessWorker = !noWorker
        }, { configuration, logger in
            try await buildApplication(configuration: configuration, logger: logger).runService()
        })
    }
}
