import ArgumentParser
import Foundation
import ValenceApp

/// `valence migrate`: apply pending schema migrations and exit.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @Option(name: .customLong("data-dir"), help: "Folder of the embedded database (default ~/.valence).") var dataDirectory: String?
    @Option(name: .customLong("database-url"), help: "sqlite:PATH. Overrides DATABASE_URL.") var databaseURL: String?

    func run() async throws {
        let logger = makeProcessLogger()
        var configuration = ServeConfiguration()
        do {
            try configuration.apply(environment: ProcessInfo.processInfo.environment)
            if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
            if let databaseURL { configuration.databaseURL = databaseURL }
            guard case .sqlite(let path) = try DatabaseLocation.parse(configuration.databaseURL, dataDirectory: configuration.dataDirectory) else { return }
            let database = try await SQLiteDatabaseService.open(path: path, logger: logger)
            try await database.close()
            print("database at \(path) is up to date")
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }
}
