import Foundation
import Logging
import ServiceLifecycle
import SQLiteKit
import ValenceStorage

/// One SQLite connection for the process: opened with WAL journaling, migrated at open, closed at shutdown.
/// SQLite serialises writers anyway; one connection avoids lock contention between pooled ones.
public final class SQLiteDatabaseService: Service {
    public let database: any SQLDatabase
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection, logger: Logger) {
        self.connection = connection
        self.database = connection.sql()
    }

    /// Opens (creating folders as needed) and migrates the database at `path`.
    public static func open(path: String, logger: Logger) async throws -> SQLiteDatabaseService {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let service = SQLiteDatabaseService(connection: connection, logger: logger)
        do {
            // A 64 MiB page cache and memory-mapped reads: job queues and analytics revisit pages that the
            // 2 MiB default cache would evict and re-read with a system call each.
            let pragmas = ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA busy_timeout=5000",
                           "PRAGMA cache_size=-65536", "PRAGMA mmap_size=1073741824"]
            for pragma in pragmas {
                try await service.database.raw(SQLQueryString(pragma)).run()
            }
            try await ExclusiveMigrator().run(on: service.database, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        return service
    }

    /// A round trip to the database.
    public func ping() async throws {
        try await database.raw("SELECT 1").run()
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await connection.close()
    }

    /// Closes the connection when the service was never run (command-line tools).
    public func close() async throws {
        try await connection.close()
    }
}
