import Logging
import SQLKit

/// Runs a `Migrator` inside one transaction that holds an exclusive lock, so processes migrating the same
/// database at once apply each migration exactly once: PostgreSQL takes a transaction-scoped advisory lock,
/// SQLite a write lock (`BEGIN IMMEDIATE`). Both databases roll DDL back with the transaction, so a failed
/// migration leaves nothing half-applied.
public struct ExclusiveMigrator: Sendable {
    /// The advisory lock key all Valence processes agree on (ASCII "VALENCE" + 1 for migrations).
    static let advisoryLockKey: Int64 = 0x56_41_4C_45_4E_43_45_01

    public var migrator: Migrator

    public init(migrator: Migrator = Migrator()) {
        self.migrator = migrator
    }

    /// Applies pending migrations and returns their versions. `session` must be one connection (not a pool),
    /// so that the transaction and the lock cover every statement.
    @discardableResult
    public func run(on session: any SQLDatabase, logger: Logger) async throws -> [Int] {
        switch SQLDialectFamily(session) {
        case .postgres:
            try await session.raw("BEGIN").run()
            try await session.raw("SELECT pg_advisory_xact_lock(\(bind: Self.advisoryLockKey))").run()
        case .sqlite:
            try await session.raw("BEGIN IMMEDIATE").run()
        }
        do {
            let applied = try await migrator.run(on: session, logger: logger)
            try await session.raw("COMMIT").run()
            return applied
        } catch {
            try? await session.raw("ROLLBACK").run()
            throw error
        }
    }
}
