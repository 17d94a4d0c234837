import Foundation
import Logging
import PostgresKit
import SQLiteKit
import Testing
import ValenceStorage
import ValenceTestSupport

/// A database the conformance suite runs on: SQLite (in memory) always, PostgreSQL when
/// VALENCE_TEST_POSTGRES_URL names a server. Every PostgreSQL test works in a fresh schema, dropped afterwards.
public enum TestDatabase: Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres(url: String)

    public static let logger = Logger.quiet

    /// The URL of the test PostgreSQL server, if any (scripts/ci-postgres.sh prints it).
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["VALENCE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The databases this run covers.
    public static var available: [TestDatabase] {
        [.sqlite] + (postgresURL.map { [.postgres(url: $0)] } ?? [])
    }

    public var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// A fresh database migrated with `migrations`, as one session.
    public func withDatabase<T>(migrations: [Migration] = ValenceSchema.migrations,
                         _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        try await withSessions(1) { sessions in
            try await ExclusiveMigrator(migrator: Migrator(migrations: migrations)).run(on: sessions[0], logger: Self.logger)
            return try await body(sessions[0])
        }
    }

    /// `count` connections to one fresh, empty database (a temporary file for several SQLite sessions).
    public func withSessions<T>(_ count: Int, _ body: ([any SQLDatabase]) async throws -> T) async throws -> T {
        switch self {
        case .sqlite where count == 1:
            return try await Self.withSQLite(storage: .memory, count: 1, body)
        case .sqlite:
            return try await withTemporaryDirectory { folder in
                try await Self.withSQLite(storage: .file(path: folder.appendingPathComponent("test.sqlite").path), count: count, body)
            }
        case .postgres(let url):
            return try await Self.withPostgres(url: url, count: count, body)
        }
    }

    /// Each connection gets its own one-thread pool, so one session waiting on SQLite's lock never starves another.
    private static func withSQLite<T>(storage: SQLiteConnection.Storage, count: Int,
                                      _ body: ([any SQLDatabase]) async throws -> T) async throws -> T {
        var connections: [SQLiteConnection] = []
        var threadPools: [NIOThreadPool] = []
        func cleanUp() async {
            for connection in connections { try? await connection.close() }
            for threadPool in threadPools { try? await threadPool.shutdownGracefully() }
        }
        do {
            for _ in 0..<count {
                let threadPool = NIOThreadPool(numberOfThreads: 1)
                threadPool.start()
                threadPools.append(threadPool)
                let connection = try await SQLiteConnection.open(storage: storage, threadPool: threadPool, logger: logger,
                                                                 on: MultiThreadedEventLoopGroup.singleton.any())
                connections.append(connection)
                try await connection.sql().raw("PRAGMA busy_timeout=5000").run()
            }
            let result = try await body(connections.map { $0.sql() })
            await cleanUp()
            return result
        } catch {
            await cleanUp()
            throw error
        }
    }

    private static func withPostgres<T>(url: String, count: Int,
                                        _ body: ([any SQLDatabase]) async throws -> T) async throws -> T {
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let schema = "valence_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        var connections: [PostgresConnection] = []
        func connect() async throws -> PostgresConnection {
            let connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: connections.count + 1, logger: logger)
            connections.append(connection)
            return connection
        }
        func cleanUp() async throws {
            var dropFailure: (any Error)?
            do {
                try await connections.first?.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            } catch {
                dropFailure = error
            }
            for connection in connections { try? await connection.close() }
            if let dropFailure { throw dropFailure }
        }
        do {
            let admin = try await connect()
            try await admin.sql().raw("CREATE SCHEMA \(ident: schema)").run()
            var sessions: [any SQLDatabase] = []
            for index in 0..<count {
                let connection = index == 0 ? admin : try await connect()
                try await connection.sql().raw("SET search_path TO \(ident: schema)").run()
                sessions.append(connection.sql())
            }
            let result = try await body(sessions)
            try await cleanUp()
            return result
        } catch {
            try? await cleanUp()
            throw error
        }
    }
}
