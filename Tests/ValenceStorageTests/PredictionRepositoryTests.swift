import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceCore
import ValenceStorage

/// Fixed records with known aggregates.
enum Fixtures {
    static func record(_ index: Int, sentiment: Sentiment, model: String, fallback: Bool = false, latency: Double = 10) -> PredictionRecord {
        PredictionRecord(
            id: UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", index))!,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)), text: "text \(index)", source: nil,
            sentiment: sentiment, confidence: 0.5, scores: [LabelScore(label: "compound", value: 0.5)],
            model: model, fallbackUsed: fallback, latencyMs: latency
        )
    }

    static let records: [PredictionRecord] = [
        record(1, sentiment: .positive, model: "vader", latency: 10),
        record(2, sentiment: .positive, model: "vader", latency: 20),
        record(3, sentiment: .negative, model: "distilbert-sentiment", latency: 30),
        record(4, sentiment: .neutral, model: "vader", fallback: true, latency: 40),
    ]
}

@Suite("Prediction repository conformance (SQLite, PostgreSQL)")
struct PredictionRepositoryTests {
    @Test("migrations are applied once and recorded", arguments: TestDatabase.available)
    func migrationsIdempotent(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let again = try await Migrator().run(on: database, logger: TestDatabase.logger)
            #expect(again.isEmpty)
        }
    }

    @Test("analytics over everything: totals, distribution, model usage, latency", arguments: TestDatabase.available)
    func summary(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            #expect(try await repository.analytics(AnalyticsQuery()).totalPredictions == 0)
            try await repository.insert(Fixtures.records)
            let summary = try await repository.analytics(AnalyticsQuery())
            #expect(summary.totalPredictions == 4)
            #expect(summary.sentimentCounts == ["positive": 2, "negative": 1, "neutral": 1])
            #expect(summary.modelCounts == ["vader": 3, "distilbert-sentiment": 1])
            #expect(summary.averageLatencyMs == 25)
            #expect(summary.fallbackAnswers == 1)
            #expect(summary.lastPredictionAt == Date(timeIntervalSince1970: 1_700_000_004))
        }
    }

    @Test("a re-sent insert of the same id is a no-op", arguments: TestDatabase.available)
    func idempotentInsert(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            try await repository.insert(Fixtures.records)
            try await repository.insert(Fixtures.records + [Fixtures.records[0]])
            #expect(try await repository.count() == 4)
        }
    }

    @Test("large batches are split under the bind limit", arguments: TestDatabase.available)
    func largeBatch(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            let many = (0..<2_500).map { Fixtures.record($0 + 100, sentiment: .neutral, model: "vader") }
            try await repository.insert(many)
            #expect(try await repository.count() == 2_500)
        }
    }

    @Test("texts and scores are stored as given", arguments: TestDatabase.available)
    func storedColumns(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            var record = Fixtures.records[0]
            record.text = "emoji 😀 and 'quotes'"
            record.scores = [LabelScore(label: "neg", value: 0.1), LabelScore(label: "pos", value: 0.9)]
            try await repository.insert([record])
            let row = try #require(try await database.raw("SELECT text, scores, fallback_used FROM predictions").first())
            #expect(try row.decode(column: "text", as: String.self) == "emoji 😀 and 'quotes'")
            #expect(try row.decode(column: "scores", as: String.self) == #"{"neg":0.1,"pos":0.9}"#)
            #expect(try row.decode(column: "fallback_used", as: Bool.self) == false)
        }
    }
}
