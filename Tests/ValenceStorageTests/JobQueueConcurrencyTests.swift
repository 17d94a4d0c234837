import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceStorage

@Suite("Job queue under concurrent claimers")
struct JobQueueConcurrencyTests {
    @Test("concurrent claimers on separate connections never share an item while it is leased",
          arguments: TestDatabase.available)
    func disjointClaims(on target: TestDatabase) async throws {
        let claimers = 4, items = 600
        try await target.withSessions(claimers) { sessions in
            try await ExclusiveMigrator().run(on: sessions[0], logger: TestDatabase.logger)
            let job = try await JobFixtures.sealedJob(SQLJobRepository(database: sessions[0]), count: items)
            let handedOut = try await withThrowingTaskGroup(of: [JobItemKey].self) { group in
                for (index, session) in sessions.enumerated() {
                    group.addTask {
                        let repository = SQLJobRepository(database: session)
                        var mine: [JobItemKey] = []
                        while true {
                            let chunk = try await repository.claim(workerID: "claimer-\(index)", limit: 7,
                                                                   lease: .seconds(600), now: Date())
                            if chunk.isEmpty { return mine }
                            mine += chunk.map(\.key)
                        }
                    }
                }
                return try await group.reduce(into: [[JobItemKey]]()) { $0.append($1) }
            }
            let all = handedOut.flatMap { $0 }
            #expect(all.count == items)
            #expect(Set(all).count == items)
            #expect(Set(all.map(\.jobID)) == [job.id])
            #expect(handedOut.filter { !$0.isEmpty }.count > 1, "the claimers should have shared the work")
        }
    }

    @Test("migration 4 applies on top of migrations 1–3", arguments: TestDatabase.available)
    func migrationOnTop(on target: TestDatabase) async throws {
        let firstThree = ValenceSchema.migrations.filter { $0.version <= 3 }
        try await target.withDatabase(migrations: firstThree) { database in
            let later = ValenceSchema.migrations.map(\.version).filter { $0 > 3 }
            #expect(try await ExclusiveMigrator().run(on: database, logger: TestDatabase.logger) == later)
            let versions = try await database.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
            #expect(versions == [1, 2, 3] + later)
            #expect(try await database.raw("SELECT COUNT(*) AS n FROM job_items").first()?.decode(column: "n", as: Int.self) == 0)
            await #expect(throws: (any Error).self) {
                try await database.raw("INSERT INTO jobs (id, state, input_format, max_attempts, created_at) VALUES ('x', 'odd', 'texts', 1, 0)").run()
            }
        }
    }
}
