import ArgumentParser
import Foundation
import ValenceApp

/// `valence migrate`: apply pending schema migrations and exit.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @Option(name: .customLong("data-dir"), help: "Folder of the embedded database (default ~/.valence).") var dataDirectory: String?
    @Option(name: .customLong("database-url"), help: "postgres://USER:PASSWORD@HOST:PORT/DB or sqlite:PATH. Overrides DATABASE_URL.") var databaseURL: String?

    func run() async throws {
        let logger = makeProcessLogger()
        var configuration = ServeConfiguration()
        do {
            try configuration.apply(environment: ProcessInfo.processInfo.environment)
            if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
            if let databaseURL { configuration.databaseURL = databaseURL }
            let location = try configuration.databaseConfiguration()
            let database = try await location.open(logger: logger)
            try await database.close()
            print("database \(location) is up to date")
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }
}
