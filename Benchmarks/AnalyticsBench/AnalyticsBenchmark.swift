import Foundation
import Logging
import PostgresKit
import ValenceStorage

/// Fills `predictions` with `rows` synthetic rows over 30 days (generated inside the database) and prints how
/// long typical /analytics queries take.
struct AnalyticsBenchmark {
    let name: String
    let database: any SQLDatabase
    let rows: Int

    /// 2024-01-31 00:00 UTC, the end of the generated month.
    private let end: Double = 1_706_659_200
    private let span: Double = 30 * 86_400

    func run() async throws {
        print("\(name): filling \(rows) predictions …")
        let fillTime = try await time { try await fill() }
        print("\(name): filled in \(format(fillTime))")
        let repository = SQLPredictionRepository(database: database)
        let queries: [(String, AnalyticsQuery)] = [
            ("everything, no trend", AnalyticsQuery()),
            ("30 days, daily trend + change", AnalyticsQuery(from: date(-span), to: date(0), bucket: .day)),
            ("7 days, hourly trend, model=vader", AnalyticsQuery(from: date(-7 * 86_400), to: date(0), model: "vader", bucket: .hour)),
            ("30 days, weekly trend, source=reddit", AnalyticsQuery(from: date(-span), to: date(0), source: "reddit", bucket: .week)),
            ("1 hour, minute trend", AnalyticsQuery(from: date(-3_600), to: date(0), bucket: .minute)),
        ]
        for (label, query) in queries {
            _ = try await repository.analytics(query)  // warm caches
            var total = 0
            let elapsed = try await time { total = try await repository.analytics(query).totalPredictions }
            print("\(name): \(label): \(format(elapsed)) (\(total) rows matched)")
        }
    }

    private func fill() async throws {
        let step = span / Double(rows)
        let columns: SQLQueryString = """
            INSERT INTO predictions (id, created_at, text, text_hash, source, sentiment, confidence, scores, model, fallback_used, latency_ms)
            """
        let values: SQLQueryString = """
            SELECT 'b' || i, \(bind: end - span) + i * \(bind: step), NULL, 'h' || i,
                   CASE i % 3 WHEN 0 THEN 'reddit' WHEN 1 THEN 'rss' ELSE NULL END,
                   CASE WHEN (i * 7) % 10 < 4 THEN 'positive' WHEN (i * 7) % 10 < 7 THEN 'neutral' ELSE 'negative' END,
                   0.5, '{}', CASE WHEN i % 5 = 0 THEN 'distilbert' ELSE 'vader' END, i % 50 = 0,
                   (i * 7919) % 1000 + 0.5
            """
        if database.dialect.name == "postgresql" {
            try await database.raw("\(columns) \(values) FROM (SELECT CAST(g AS BIGINT) AS i FROM generate_series(0, \(bind: rows - 1)) g) seq").run()
            try await database.raw("ANALYZE predictions").run()
        } else {
            try await database.raw("""
                WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < \(bind: rows - 1))
                \(columns) \(values) FROM seq
                """).run()
            try await database.raw("ANALYZE").run()
        }
    }

    private func date(_ offset: Double) -> Date { Date(timeIntervalSince1970: end + offset) }

    private func time(_ body: () async throws -> Void) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await body()
        return clock.now - start
    }

    private func format(_ duration: Duration) -> String {
        let milliseconds = Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.0f ms", milliseconds)
    }

    /// Runs `body` on one PostgreSQL connection whose `search_path` is a fresh, migrated schema, dropped afterwards.
    static func onFreshPostgresSchema(url: String, logger: Logger, _ body: (any SQLDatabase) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(),
            configuration: try SQLPostgresConfiguration(url: url).coreConfiguration, id: 1, logger: logger)
        let schema = "valence_bench_\(UInt32.random(in: 0...UInt32.max))"
        let database = connection.sql()
        do {
            try await database.raw("CREATE SCHEMA \(ident: schema)").run()
            try await database.raw("SET search_path TO \(ident: schema)").run()
            try await ExclusiveMigrator().run(on: database, logger: logger)
            try await body(database)
        } catch {
            try? await database.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            try? await connection.close()
            throw error
        }
        try await database.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        try await connection.close()
    }
}
