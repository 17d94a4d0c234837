import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceCore
import ValenceStorage

@Suite("Analytics conformance (SQLite, PostgreSQL)")
struct AnalyticsTests {
    typealias F = AnalyticsFixtures

    private func withFixtures(_ target: TestDatabase, _ body: (SQLPredictionRepository) async throws -> Void) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            try await repository.insert(F.records)
            try await body(repository)
        }
    }

    @Test("totals, distribution, model usage, latency percentiles over everything", arguments: TestDatabase.available)
    func everything(on target: TestDatabase) async throws {
        try await withFixtures(target) { repository in
            let report = try await repository.analytics(AnalyticsQuery())
            #expect(report.totalPredictions == 10)
            #expect(report.sentimentCounts == ["positive": 5, "negative": 3, "neutral": 1, "joy": 1])
            #expect(report.sentimentPercent == ["positive": 50, "negative": 30, "neutral": 10, "joy": 10])
            #expect(report.modelCounts == ["vader": 7, "distilbert": 3])
            #expect(report.modelPercent == ["vader": 70, "distilbert": 30])
            #expect(report.averageLatencyMs == 136.5)
            #expect(report.p50LatencyMs == 40)   // rank ⌈0.5 · 10⌉ = 5 of 5, 10, 20, 30, 40, …
            #expect(report.p95LatencyMs == 1_000) // rank ⌈9.5⌉ = 10
            #expect(report.fallbackAnswers == 1)
            #expect(report.meanSentiment == 0.2)
            #expect(report.lastPredictionAt == F.at(F.week))
            #expect(report.trend == nil)
            #expect(report.change == nil)
        }
    }

    @Test("weekly trend across a week boundary with the previous period's change", arguments: TestDatabase.available)
    func weeklyTrend(on target: TestDatabase) async throws {
        try await withFixtures(target) { repository in
            let report = try await repository.analytics(AnalyticsQuery(from: F.at(-F.week), to: F.at(F.week), bucket: .week))
            #expect(report.totalPredictions == 8)
            #expect(report.averageLatencyMs == 45)
            #expect(report.p50LatencyMs == 40)
            #expect(report.p95LatencyMs == 80)
            #expect(report.trend == [
                TrendPoint(start: F.at(-F.week), count: 3, positive: 2, neutral: 0, negative: 1),
                TrendPoint(start: F.at(0), count: 5, positive: 2, neutral: 1, negative: 1),
            ])
            #expect(report.trend?.map(\.meanSentiment) == [1.0 / 3.0, 0.2])
            let change = try #require(report.change)
            #expect(change.previousTotal == 1)
            #expect(change.totalChange == 7)
            #expect(change.totalChangePercent == 700)
            #expect(change.previousMeanSentiment == -1)
            #expect(change.meanSentimentChange == 1.25)  // 0.25 − (−1)
        }
    }

    @Test("daily, hourly and minute buckets start on UTC boundaries", arguments: TestDatabase.available)
    func finerBuckets(on target: TestDatabase) async throws {
        try await withFixtures(target) { repository in
            let days = try await repository.analytics(AnalyticsQuery(from: F.at(-F.week), to: F.at(F.week), bucket: .day))
            #expect(days.trend?.map(\.start) == [F.at(-2 * F.day), F.at(-F.day), F.at(0), F.at(2 * F.day), F.at(6 * F.day)])
            #expect(days.trend?.map(\.count) == [1, 2, 3, 1, 1])
            let hours = try await repository.analytics(AnalyticsQuery(from: F.at(-F.day), to: F.at(F.day), bucket: .hour))
            #expect(hours.trend?.map(\.start) == [F.at(-3_600), F.at(0), F.at(3_600)])
            #expect(hours.trend?.map(\.count) == [2, 2, 1])
            let minutes = try await repository.analytics(AnalyticsQuery(from: F.at(-120), to: F.at(60), bucket: .minute))
            #expect(minutes.trend?.map(\.start) == [F.at(-120), F.at(-60), F.at(0)])
            #expect(minutes.trend?.map(\.count) == [1, 1, 2])
            #expect(minutes.change?.previousTotal == 0)
            #expect(minutes.change?.totalChangePercent == nil)
            #expect(minutes.change?.meanSentimentChange == nil)
        }
    }

    @Test("source and model filters narrow every aggregate", arguments: TestDatabase.available)
    func filters(on target: TestDatabase) async throws {
        try await withFixtures(target) { repository in
            let reddit = try await repository.analytics(AnalyticsQuery(source: "reddit"))
            #expect(reddit.totalPredictions == 6)
            #expect(reddit.modelCounts == ["vader": 5, "distilbert": 1])
            let redditVader = try await repository.analytics(AnalyticsQuery(source: "reddit", model: "vader", bucket: .week))
            #expect(redditVader.totalPredictions == 5)
            #expect(redditVader.sentimentCounts == ["positive": 3, "negative": 2])
            #expect(redditVader.p50LatencyMs == 20)  // 5, 10, 20, 70, 1000
            #expect(redditVader.trend?.map(\.count) == [1, 2, 1, 1])
            let none = try await repository.analytics(AnalyticsQuery(model: "no-such-model"))
            #expect(none.totalPredictions == 0)
        }
    }

    @Test("nearest-rank percentiles on 101 shuffled latencies", arguments: TestDatabase.available)
    func percentiles(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            let latencies = (1...101).map(Double.init).shuffled()
            try await repository.insert(latencies.enumerated().map { index, latency in
                Fixtures.record(index, sentiment: .neutral, model: "vader", latency: latency)
            })
            let report = try await repository.analytics(AnalyticsQuery())
            #expect(report.p50LatencyMs == 51)  // rank ⌈50.5⌉
            #expect(report.p95LatencyMs == 96)  // rank ⌈95.95⌉
        }
    }

    @Test("percentiles take rank ⌈p·n/100⌉ for every n from 1 to 40", arguments: TestDatabase.available)
    func percentileRanks(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            for n in 1...40 {
                try await repository.insert([Fixtures.record(n, sentiment: .neutral, model: "vader", latency: Double(41 - n))])
                // The stored latencies are 41 − n … 40, so rank r holds 40 − n + r.
                let report = try await repository.analytics(AnalyticsQuery())
                #expect(report.p50LatencyMs == Double(40 - n + (50 * n + 99) / 100), "n = \(n)")
                #expect(report.p95LatencyMs == Double(40 - n + (95 * n + 99) / 100), "n = \(n)")
            }
        }
    }

    @Test("buckets before the epoch round down", arguments: TestDatabase.available)
    func negativeTimes(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let repository = SQLPredictionRepository(database: database)
            var early = Fixtures.record(1, sentiment: .negative, model: "vader")
            early.createdAt = Date(timeIntervalSince1970: -30)
            var late = Fixtures.record(2, sentiment: .positive, model: "vader")
            late.createdAt = Date(timeIntervalSince1970: 30)
            try await repository.insert([early, late])
            let report = try await repository.analytics(AnalyticsQuery(bucket: .minute))
            #expect(report.trend?.map(\.start) == [Date(timeIntervalSince1970: -60), Date(timeIntervalSince1970: 0)])
        }
    }

    @Test("an empty table answers zeros and nils", arguments: TestDatabase.available)
    func empty(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            let report = try await SQLPredictionRepository(database: database)
                .analytics(AnalyticsQuery(from: F.at(0), to: F.at(F.day), bucket: .day))
            #expect(report == AnalyticsReport(
                trend: [],
                change: PeriodChange(currentTotal: 0, currentMeanSentiment: nil, previousTotal: 0, previousMeanSentiment: nil)
            ))
        }
    }
}
