import ServiceLifecycle
import SQLKit

/// A process's database as the composition root sees it: a migrated `SQLDatabase` that runs as a service
/// (closed at graceful shutdown) and answers pings for /db/health.
public protocol ManagedDatabase: Service {
    var database: any SQLDatabase { get }
    /// A round trip to the database.
    func ping() async throws
    /// Closes the database when the service was never run (command-line tools such as `valence migrate`).
    func close() async throws
}

extension SQLiteDatabaseService: ManagedDatabase {}
extension PostgresDatabaseService: ManagedDatabase {}
