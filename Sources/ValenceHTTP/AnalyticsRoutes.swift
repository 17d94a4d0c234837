import Foundation
import Hummingbird
import ValenceCore
import ValenceStorage

/// GET /analytics: aggregates over the stored predictions, computed by the database (DESIGN.md sections 2 and 7).
/// Query parameters `from`, `to` (ISO-8601 or epoch seconds), `source`, `model` filter; `bucket`
/// (minute/hour/day/week) adds a `trend` series; `from` with `to` adds the `change` against the previous period.
struct AnalyticsRoutes {
    let services: APIServices

    struct Latency: Encodable {
        var average: Double?
        var p50: Double?
        var p95: Double?
    }

    struct Point: Encodable {
        var start: Date
        var count: Int
        var positive: Int
        var neutral: Int
        var negative: Int
        var meanSentiment: Double

        enum CodingKeys: String, CodingKey {
            case start, count, positive, neutral, negative
            case meanSentiment = "mean_sentiment"
        }
    }

    struct Change: Encodable {
        var previousTotal: Int
        var totalChange: Int
        var totalChangePercent: Double?
        var previousMeanSentiment: Double?
        var meanSentimentChange: Double?

        enum CodingKeys: String, CodingKey {
            case previousTotal = "previous_total", totalChange = "total_change"
            case totalChangePercent = "total_change_percent", previousMeanSentiment = "previous_mean_sentiment"
            case meanSentimentChange = "mean_sentiment_change"
        }
    }

    struct Analytics: Encodable {
        var totalPredictions: Int
        var sentimentDistribution: [String: Double]
        var modelUsage: [String: Double]
        var averageResponseTime: Double
        var latencyMs: Latency
        var fallbackAnswers: Int
        var meanSentiment: Double?
        var circuitBreakerActivations: Int
        var lastPredictionAt: Date?
        var lastUpdated: Date
        var bucket: String?
        var trend: [Point]?
        var change: Change?

        enum CodingKeys: String, CodingKey {
            case totalPredictions = "total_predictions", sentimentDistribution = "sentiment_distribution"
            case modelUsage = "model_usage", averageResponseTime = "average_response_time", latencyMs = "latency_ms"
            case fallbackAnswers = "fallback_answers", meanSentiment = "mean_sentiment"
            case circuitBreakerActivations = "circuit_breaker_activations"
            case lastPredictionAt = "last_prediction_at", lastUpdated = "last_updated", bucket, trend, change
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/analytics") { request, _ in try await analytics(try Self.query(request.uri.queryParameters)) }
    }

    /// Reads the query parameters; a bad one is a 422 naming it.
    static func query(_ parameters: Parameters) throws -> AnalyticsQuery {
        var query = AnalyticsQuery()
        query.from = try parameters.get("from").map { try time($0, name: "from") }
        query.to = try parameters.get("to").map { try time($0, name: "to") }
        if let from = query.from, let to = query.to, from >= to {
            throw ValenceError.invalidInput("'from' must be before 'to'")
        }
        query.source = parameters.get("source").flatMap { $0.isEmpty ? nil : $0 }
        query.model = parameters.get("model").flatMap { $0.isEmpty ? nil : $0 }
        if let bucket = parameters.get("bucket") {
            guard let parsed = AnalyticsBucket(rawValue: bucket) else {
                throw ValenceError.invalidInput("'bucket' must be minute, hour, day or week, not '\(bucket)'")
            }
            query.bucket = parsed
        }
        return query
    }

    private static func time(_ text: String, name: String) throws -> Date {
        if let seconds = Double(text), seconds.isFinite { return Date(timeIntervalSince1970: seconds) }
        if let date = Timestamp.parse(text) { return date }
        throw ValenceError.invalidInput("'\(name)' must be an ISO-8601 time or epoch seconds, not '\(text)'")
    }

    func analytics(_ query: AnalyticsQuery) async throws -> Response {
        let (report, activations) = try await databaseCall {
            (try await services.repository.analytics(query),
             try await services.breakerEvents.activations(from: query.from ?? .distantPast, to: query.to ?? .distantFuture,
                                                          scope: BreakerScope.overall))
        }
        var distribution = ["positive": 0.0, "negative": 0.0, "neutral": 0.0]
        distribution.merge(report.sentimentPercent) { $1 }
        return try JSONResponse.encode(Analytics(
            totalPredictions: report.totalPredictions,
            sentimentDistribution: distribution.mapValues(Self.round),
            modelUsage: report.modelPercent.mapValues(Self.round),
            averageResponseTime: Self.round(report.averageLatencyMs ?? 0),
            latencyMs: Latency(average: report.averageLatencyMs.map(Self.round), p50: report.p50LatencyMs.map(Self.round),
                               p95: report.p95LatencyMs.map(Self.round)),
            fallbackAnswers: report.fallbackAnswers,
            meanSentiment: report.meanSentiment,
            circuitBreakerActivations: activations,
            lastPredictionAt: report.lastPredictionAt,
            lastUpdated: Date(),
            bucket: query.bucket?.rawValue,
            trend: report.trend?.map {
                Point(start: $0.start, count: $0.count, positive: $0.positive, neutral: $0.neutral, negative: $0.negative,
                      meanSentiment: $0.meanSentiment)
            },
            change: report.change.map {
                Change(previousTotal: $0.previousTotal, totalChange: $0.totalChange, totalChangePercent: $0.totalChangePercent,
                       previousMeanSentiment: $0.previousMeanSentiment, meanSentimentChange: $0.meanSentimentChange)
            }
        ))
    }

    /// Three decimals: enough for percentages and milliseconds.
    static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
