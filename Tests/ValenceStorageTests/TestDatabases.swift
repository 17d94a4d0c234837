import Logging
import SQLiteKit
import ValenceStorage

/// Databases the conformance suites run on. SQLite always; PostgreSQL joins when its driver lands.
enum TestDatabases {
    static let logger = Logger.quiet

    /// A fresh, migrated in-memory SQLite database; closed after `body`.
    static func withSQLite<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
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
