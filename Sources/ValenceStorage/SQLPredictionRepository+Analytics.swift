import Foundation
import SQLKit

/// Analytics in SQL, identical on SQLite and PostgreSQL: the aggregates are counts, AVG/MAX and nearest-rank
/// percentiles; percents and means are derived from the counts, so both databases give the same numbers.
extension SQLPredictionRepository {
    public func analytics(_ query: AnalyticsQuery) async throws -> AnalyticsReport {
        let filter = AnalyticsFilter(query: query).whereClause
        var report = AnalyticsReport()
        if let totals = try await database.raw("""
            SELECT COUNT(*) AS total, AVG(latency_ms) AS latency, MAX(created_at) AS newest,
                   SUM(CASE WHEN fallback_used THEN 1 ELSE 0 END) AS fallbacks
            FROM predictions \(filter)
            """).first() {
            report.totalPredictions = try totals.decode(column: "total", as: Int.self)
            report.averageLatencyMs = try totals.decode(column: "latency", as: Double?.self)
            report.fallbackAnswers = try totals.decode(column: "fallbacks", as: Int?.self) ?? 0
            report.lastPredictionAt = try totals.decode(column: "newest", as: Double?.self).map(Date.init(timeIntervalSince1970:))
        }
        if report.totalPredictions > 0 {
            try await addBreakdown(to: &report, filter: filter)
            (report.p50LatencyMs, report.p95LatencyMs) = try await latencyPercentiles(count: report.totalPredictions, filter: filter)
        }
        if let bucket = query.bucket {
            report.trend = try await trend(bucket: bucket, filter: filter)
        }
        if let previous = query.previousPeriod {
            let (total, mean) = try await totalAndMeanSentiment(filter: AnalyticsFilter(query: previous).whereClause)
            report.change = PeriodChange(currentTotal: report.totalPredictions, currentMeanSentiment: report.meanSentiment,
                                         previousTotal: total, previousMeanSentiment: mean)
        }
        return report
    }

    /// Counts and percents per sentiment and per model, and the mean sentiment, from one grouped scan.
    private func addBreakdown(to report: inout AnalyticsReport, filter: SQLQueryString) async throws {
        let rows = try await database.raw("""
            SELECT sentiment, model, COUNT(*) AS total FROM predictions \(filter) GROUP BY sentiment, model
            """).all()
        for row in rows {
            let count = try row.decode(column: "total", as: Int.self)
            report.sentimentCounts[try row.decode(column: "sentiment", as: String.self), default: 0] += count
            report.modelCounts[try row.decode(column: "model", as: String.self), default: 0] += count
        }
        let total = Double(report.totalPredictions)
        report.sentimentPercent = report.sentimentCounts.mapValues { Double($0) * 100 / total }
        report.modelPercent = report.modelCounts.mapValues { Double($0) * 100 / total }
        report.meanSentiment = SentimentScore.mean(positive: report.sentimentCounts["positive", default: 0],
                                                   negative: report.sentimentCounts["negative", default: 0],
                                                   count: report.totalPredictions)
    }

    /// Nearest-rank p50 and p95: the value at rank ⌈p·n/100⌉ in ascending order. PostgreSQL's `percentile_disc`
    /// is that definition (it takes rank ⌈fraction·n⌉); SQLite, which has no ordered-set aggregates, picks the
    /// same ranks with ROW_NUMBER.
    private func latencyPercentiles(count: Int, filter: SQLQueryString) async throws -> (Double?, Double?) {
        switch SQLDialectFamily(database) {
        case .postgres:
            let row = try await database.raw("""
                SELECT percentile_disc(CAST(ARRAY[0.5, 0.95] AS DOUBLE PRECISION[])) WITHIN GROUP (ORDER BY latency_ms) AS latencies
                FROM predictions \(filter)
                """).first()
            let latencies = try row?.decode(column: "latencies", as: [Double]?.self) ?? []
            return (latencies.first, latencies.dropFirst().first)
        case .sqlite:
            let rank50 = Self.nearestRank(percent: 50, count: count)
            let rank95 = Self.nearestRank(percent: 95, count: count)
            let rows = try await database.raw("""
                SELECT ranked.latency_ms AS latency, ranked.position AS position FROM (
                    SELECT latency_ms, ROW_NUMBER() OVER (ORDER BY latency_ms) AS position FROM predictions \(filter)
                ) ranked WHERE ranked.position IN (\(bind: rank50), \(bind: rank95))
                """).all()
            var byRank: [Int: Double] = [:]
            for row in rows {
                byRank[try row.decode(column: "position", as: Int.self)] = try row.decode(column: "latency", as: Double.self)
            }
            return (byRank[rank50], byRank[rank95])
        }
    }

    /// The 1-based rank of the nearest-rank percentile: ⌈percent · count / 100⌉, at least 1.
    static func nearestRank(percent: Int, count: Int) -> Int {
        max(1, (percent * count + 99) / 100)
    }

    /// Counts per bucket; a bucket's index is ⌊(t − origin) / width⌋, the same double arithmetic on both databases.
    private func trend(bucket: AnalyticsBucket, filter: SQLQueryString) async throws -> [TrendPoint] {
        let index = SQLDialectFamily(database).floorToInteger(
            "((created_at - \(bind: bucket.origin)) / \(bind: bucket.width))")
        let rows = try await database.raw("""
            SELECT \(index) AS bucket_index, COUNT(*) AS total,
                   SUM(CASE WHEN sentiment = 'positive' THEN 1 ELSE 0 END) AS positive,
                   SUM(CASE WHEN sentiment = 'neutral' THEN 1 ELSE 0 END) AS neutral,
                   SUM(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END) AS negative
            FROM predictions \(filter) GROUP BY bucket_index ORDER BY bucket_index
            """).all()
        return try rows.map { row in
            let index = try row.decode(column: "bucket_index", as: Int.self)
            return TrendPoint(
                start: Date(timeIntervalSince1970: Double(index) * bucket.width + bucket.origin),
                count: try row.decode(column: "total", as: Int.self),
                positive: try row.decode(column: "positive", as: Int.self),
                neutral: try row.decode(column: "neutral", as: Int.self),
                negative: try row.decode(column: "negative", as: Int.self)
            )
        }
    }

    private func totalAndMeanSentiment(filter: SQLQueryString) async throws -> (Int, Double?) {
        guard let row = try await database.raw("""
            SELECT COUNT(*) AS total,
                   SUM(CASE WHEN sentiment = 'positive' THEN 1 ELSE 0 END) AS positive,
                   SUM(CASE WHEN sentiment = 'negative' THEN 1 ELSE 0 END) AS negative
            FROM predictions \(filter)
            """).first() else { return (0, nil) }
        let total = try row.decode(column: "total", as: Int.self)
        let mean = SentimentScore.mean(positive: try row.decode(column: "positive", as: Int?.self) ?? 0,
                                       negative: try row.decode(column: "negative", as: Int?.self) ?? 0, count: total)
        return (total, mean)
    }
}
