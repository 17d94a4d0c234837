import Logging
import PostgresKit
import ServiceLifecycle
import ValenceStorage

/// A PostgreSQL connection pool for the process: migrated at open (under an advisory lock, so several
/// processes may start at once), closed at shutdown.
///
/// `@unchecked Sendable`: every stored property is a `let`, and AsyncKit's pool, which predates Sendable
/// annotations, synchronises itself with a lock.
public final class PostgresDatabaseService: Service, @unchecked Sendable {
    /// The pooled database; each query leases a connection.
    public let database: any SQLDatabase
    private let pools: EventLoopGroupConnectionPool<PostgresConnectionSource>

    private init(pools: EventLoopGroupConnectionPool<PostgresConnectionSource>, logger: Logger) {
        self.pools = pools
        self.database = pools.database(logger: logger).sql()
    }

    /// Connects, migrates and returns the service. `connectionsPerEventLoop` bounds the pool (one event loop
    /// per core).
    public static func open(settings: PostgresSettings, connectionsPerEventLoop: Int = 4, logger: Logger) async throws -> PostgresDatabaseService {
        let source = PostgresConnectionSource(sqlConfiguration: try settings.sqlConfiguration())
        let pools = EventLoopGroupConnectionPool(source: source, maxConnectionsPerEventLoop: max(1, connectionsPerEventLoop),
                                                 logger: logger, on: MultiThreadedEventLoopGroup.singleton)
        let service = PostgresDatabaseService(pools: pools, logger: logger)
        do {
            try await service.migrate(logger: logger)
        } catch {
            try? await pools.shutdownAsync()
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
        try await pools.shutdownAsync()
    }

    /// Closes the pool when the service was never run (command-line tools).
    public func close() async throws {
        try await pools.shutdownAsync()
    }

    /// Applies pending migrations on one leased connection, so the transaction and its lock hold throughout.
    private func migrate(logger: Logger) async throws {
        let applied = try await pools.withConnection(logger: logger) { connection in
            connection.eventLoop.makeFutureWithTask {
                try await ExclusiveMigrator().run(on: connection.sql(), logger: logger)
            }
        }.get()
        logger.debug("database migrated", metadata: ["migrations.applied": "\(applied)"])
    }
}
