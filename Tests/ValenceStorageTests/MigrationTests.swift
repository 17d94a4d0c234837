import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceCore
import ValenceStorage

@Suite("Migrations conformance (SQLite, PostgreSQL)")
struct MigrationTests {
    private let all = ValenceSchema.migrations.map(\.version)

    private func appliedVersions(_ database: any SQLDatabase) async throws -> [Int] {
        try await database.raw("SELECT version FROM schema_migrations ORDER BY version").all()
            .map { try $0.decode(column: "version", as: Int.self) }
    }

    @Test("running migrations twice applies each version once", arguments: TestDatabase.available)
    func twice(on target: TestDatabase) async throws {
        try await target.withSessions(1) { sessions async throws in
            let migrator = ExclusiveMigrator()
            #expect(try await migrator.run(on: sessions[0], logger: TestDatabase.logger) == all)
            #expect(try await migrator.run(on: sessions[0], logger: TestDatabase.logger) == [])
            #expect(try await appliedVersions(sessions[0]) == all)
        }
    }

    @Test("two sessions migrating at once apply each version exactly once", arguments: TestDatabase.available)
    func concurrently(on target: TestDatabase) async throws {
        try await target.withSessions(2) { sessions in
            let first = sessions[0], second = sessions[1]
            async let a = ExclusiveMigrator().run(on: first, logger: TestDatabase.logger)
            async let b = ExclusiveMigrator().run(on: second, logger: TestDatabase.logger)
            let (fromA, fromB) = try await (a, b)
            #expect((fromA + fromB).sorted() == all)
            #expect(try await appliedVersions(first) == all)
        }
    }

    @Test("a failing migration rolls back and is not recorded", arguments: TestDatabase.available)
    func rollback(on target: TestDatabase) async throws {
        let broken = Migration(version: all.max()! + 1, name: "broken") { database in
            try await database.raw("CREATE TABLE half_done (id INTEGER)").run()
            try await database.raw("SELECT * FROM no_such_table").run()
        }
        try await target.withDatabase { database async throws in
            let migrator = ExclusiveMigrator(migrator: Migrator(migrations: ValenceSchema.migrations + [broken]))
            await #expect(throws: (any Error).self) { try await migrator.run(on: database, logger: TestDatabase.logger) }
            #expect(try await appliedVersions(database) == all)
            await #expect(throws: (any Error).self) { try await database.raw("SELECT id FROM half_done").run() }
        }
    }

    @Test("migration 2 hashes texts stored before it", arguments: TestDatabase.available)
    func backfill(on target: TestDatabase) async throws {
        let first = Array(ValenceSchema.migrations.prefix(1))
        try await target.withDatabase(migrations: first) { database in
            try await database.raw("""
                INSERT INTO predictions (id, created_at, text, source, sentiment, confidence, scores, model, fallback_used, latency_ms)
                VALUES ('a', 1, 'café 😀', NULL, 'positive', 0.5, '{}', 'vader', \(false), 1),
                       ('b', 2, NULL, NULL, 'neutral', 0.5, '{}', 'vader', \(false), 1)
                """).run()
            try await ExclusiveMigrator().run(on: database, logger: TestDatabase.logger)
            let rows = try await database.raw("SELECT id, text_hash FROM predictions ORDER BY id").all()
            #expect(try rows.map { try $0.decode(column: "text_hash", as: String?.self) } == [TextHash.sha256Hex("café 😀"), nil])
        }
    }
}
