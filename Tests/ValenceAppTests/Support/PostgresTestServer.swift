import Foundation
import ValenceDatabase
import ValenceTestSupport

/// The PostgreSQL server of scripts/ci-postgres.sh (CI starts it; VALENCE_TEST_POSTGRES_* name it).
struct PostgresTestServer {
    var url: String
    var directory: String
    var control: String

    static var configured: PostgresTestServer? {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["VALENCE_TEST_POSTGRES_URL"], let directory = environment["VALENCE_TEST_POSTGRES_DIR"],
              let control = environment["VALENCE_TEST_POSTGRES_CONTROL"], !url.isEmpty else { return nil }
        return PostgresTestServer(url: url, directory: directory, control: control)
    }

    /// Tests needing it run when it is configured, and always in CI (where its absence is a failure).
    static var enabled: Bool { configured != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    /// `down` (stop, data kept) or `up` (start again).
    func run(_ action: String) throws {
        try runCommand(["/bin/bash", control, action, directory])
    }

    /// Runs `body` with the URL of a fresh schema, dropped afterwards.
    func withFreshSchema(_ body: (String) async throws -> Void) async throws {
        let schema = "valence_process_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await DatabaseConfiguration.parse(url: url).open(logger: .quiet)
        do {
            try await admin.database.raw("CREATE SCHEMA \(ident: schema)").run()
            let separator = url.contains("?") ? "&" : "?"
            do {
                try await body(url + separator + "search_path=" + schema)
            } catch {
                try? await admin.database.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                throw error
            }
            try await admin.database.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            try await admin.close()
        } catch {
            try? await admin.close()
            throw error
        }
    }
}
