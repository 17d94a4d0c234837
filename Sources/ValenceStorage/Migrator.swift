import Foundation
import Logging
import SQLKit

/// Applies pending migrations and records them in `schema_migrations`.
public struct Migrator: Sendable {
    public var migrations: [Migration]

    public init(migrations: [Migration] = ValenceSchema.migrations) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies every migration newer than the database's version; returns the versions applied.
    @discardableResult
    public func run(on database: any SQLDatabase, logger: Logger) async throws -> [Int] {
        try await database.raw("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at DOUBLE PRECISION NOT NULL
            )
            """).run()
        let applied = Set(try await database.raw("SELECT version FROM schema_migrations").all()
            .map { try $0.decode(column: "version", as: Int.self) })
        var done: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            logger.info("applying migration", metadata: ["migration.version": "\(migration.version)", "migration.name": "\(migration.name)"])
            try await migration.apply(database)
            try await database.raw("""
                INSERT INTO schema_migrations (version, name, applied_at)
                VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Date().timeIntervalSince1970))
                """).run()
            done.append(migration.version)
        }
        return done
    }
}
