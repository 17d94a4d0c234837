import Foundation
import Logging
import ValenceDatabase
import ValenceStorage

// Fills a fresh database with synthetic predictions and times the analytics queries.
// Usage: AnalyticsBench [ROWS] — SQLite in a temporary file always; PostgreSQL too when
// VALENCE_TEST_POSTGRES_URL is set (its `predictions` table in a fresh schema, dropped afterwards).
let rows = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1_000_000
var logger = Logger(label: "analytics-bench")
logger.logLevel = .warning

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("valence-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let sqlite = try await SQLiteDatabaseService.open(path: folder.appendingPathComponent("bench.sqlite").path, logger: logger)
try await AnalyticsBenchmark(name: "SQLite", database: sqlite.database, rows: rows).run()
try await sqlite.close()

if let url = ProcessInfo.processInfo.environment["VALENCE_TEST_POSTGRES_URL"], !url.isEmpty {
    try await AnalyticsBenchmark.onFreshPostgresSchema(url: url, logger: logger) { database in
        try await AnalyticsBenchmark(name: "PostgreSQL", database: database, rows: rows).run()
    }
}
