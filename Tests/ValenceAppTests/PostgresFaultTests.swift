import Foundation
import Testing
import ValenceDatabase
import ValenceTestSupport

/// DESIGN.md section 5 with PostgreSQL: the database stops under load and comes back; every request is answered
/// and every answered prediction is stored exactly once. Needs the server of scripts/ci-postgres.sh (CI starts it).
@Suite("valence serve on PostgreSQL while the server restarts", .serialized)
struct PostgresFaultTests {
    @Test("database stopped mid-load: every request answered, every prediction stored exactly once",
          .enabled(if: PostgresTestServer.enabled))
    func databaseRestart() async throws {
        let server = try #require(PostgresTestServer.configured, "CI must provide the PostgreSQL server of scripts/ci-postgres.sh")
        try await server.withFreshSchema { url in
        try await withTemporaryDirectory { folder in
            let app = try await ValenceProcess(
                ["serve", "--port", "0", "--data-dir", folder.path, "--database-url", url, "--default-model", "vader", "--no-worker"],
                folder: folder, name: "serve")
            defer { app.stop() }
            let run = "fault-\(UUID().uuidString.lowercased())"
            try await withLoadClient(gateway: app) { load in
                let report = try await load.run(clients: 4, for: .seconds(4), text: { "\(run) #\($0)" }) {
                    try await Task.sleep(for: .seconds(1))
                    try server.run("down")
                    try await Task.sleep(for: .milliseconds(1_500))
                    try server.run("up")
                }
                print("PostgreSQL restart: \(report)")
                #expect(report.failures == 0, "\(report.errors.prefix(5))")
                try await load.waitUntil(within: .seconds(30)) {
                    (try await load.json("/status")["write_buffer"] as? [String: Any])?["pending"] as? Int == 0
                }
                let database = try await DatabaseConfiguration.parse(url: url).open(logger: .quiet)
                do {
                    let rows = try await database.database.raw("""
                        SELECT id FROM predictions WHERE text LIKE \(bind: run + " %")
                        """).all()
                    let stored = try rows.map { try $0.decode(column: "id", as: String.self) }
                    #expect(stored.count == report.requestIDs.count)
                    #expect(Set(stored) == Set(report.requestIDs))
                    try await database.close()
                } catch {
                    try? await database.close()
                    throw error
                }
            }
        }
        }
    }
}
