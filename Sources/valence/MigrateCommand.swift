import ArgumentParser
import Foundation
import ValenceApp

/// `valence migrate`: apply pending schema migrations and exit.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await runProcess({ configuration, _ in storage.apply(to: &configuration) }, { configuration, logger in
            let location = try configuration.databaseConfiguration()
            let database = try await location.open(logger: logger)
            try await database.close()
            print("database \(location) is up to date")
        })
    }
}
