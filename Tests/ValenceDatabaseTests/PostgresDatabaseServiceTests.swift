import Foundation
import Logging
import PostgresKit
import ServiceLifecycle
import Testing
import ValenceDatabase
import ValenceStorage
import ValenceTestSupport

/// Runs when VALENCE_TEST_POSTGRES_URL names a server (CI always sets it; see the storage suite's CI check).
@Suite("PostgreSQL database service", .enabled(if: TestPostgresServer.url != nil))
struct PostgresDatabaseServiceTests {
    /// Settings for the test server pointed at a fresh schema, dropped after `body`.
    private func withFreshSchema(_ body: (PostgresSettings) async throws -> Void) async throws {
        guard case .postgres(var settings) = try DatabaseConfiguration.parse(url: try #require(TestPostgresServer.url)) else {
            Issue.record("VALENCE_TEST_POSTGRES_URL is not a PostgreSQL URL")
            return
        }
        let schema = "valence_service_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        settings.schema = schema
        let admin = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: try SQLPostgresConfiguration(url: try #require(TestPostgresServer.url)).coreConfiguration, id: 1, logger: .quiet)
        do {
            try await admin.sql().raw("CREATE SCHEMA \(ident: schema)").run()
            try await body(settings)
        } catch {
            try? await admin.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            try? await admin.close()
            throw error
        }
        try await admin.sql().raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        try await admin.close()
    }

    @Test("open migrates, ping answers, close releases the pool")
    func openPingClose() async throws {
        try await withFreshSchema { settings in
            let service = try await PostgresDatabaseService.open(settings: settings, logger: .quiet)
            try await service.ping()
            let versions = try await service.database.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
            #expect(versions == ValenceSchema.migrations.map(\.version))
            try await service.close()
            await #expect(throws: (any Error).self) { try await service.ping() }
        }
    }

    @Test("two services opening at once both start, each migration applied once")
    func concurrentOpen() async throws {
        try await withFreshSchema { settings in
            async let first = PostgresDatabaseService.open(settings: settings, logger: .quiet)
            async let second = PostgresDatabaseService.open(settings: settings, logger: .quiet)
            let services = try await [first, second]
            let count = try await services[0].database.raw("SELECT COUNT(*) AS n FROM schema_migrations").first()?
                .decode(column: "n", as: Int.self)
            #expect(count == ValenceSchema.migrations.count)
            for service in services { try await service.close() }
        }
    }

    @Test("the service closes its pool at graceful shutdown")
    func gracefulShutdown() async throws {
        try await withFreshSchema { settings in
            let service = try await PostgresDatabaseService.open(settings: settings, logger: .quiet)
            let group = ServiceGroup(services: [service], logger: .quiet)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await service.ping()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            await #expect(throws: (any Error).self) { try await service.ping() }
        }
    }

    @Test("a wrong password fails with the server's error, never a crash")
    func wrongPassword() async throws {
        try await withFreshSchema { settings in
            var wrong = settings
            wrong.password = "not-the-password"
            await #expect(throws: (any Error).self) { try await PostgresDatabaseService.open(settings: wrong, logger: .quiet) }
        }
    }
}
