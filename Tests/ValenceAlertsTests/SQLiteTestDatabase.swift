import Logging
import SQLiteKit
import ValenceStorage
import ValenceTestSupport

/// A fresh, migrated in-memory SQLite database for the alert tests; closed after `body`.
enum SQLiteTestDatabase {
    static func with<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
        let logger = Logger.quiet
        let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
        do {
            let database = connection.sql()
            try await Migrator().run(on: database, logger: logger)
            let result = try await body(database)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
