import Foundation
import Hummingbird
import ValenceCore
import ValenceStorage

/// GET /analytics: totals over the stored predictions.
struct AnalyticsRoutes {
    let services: APIServices

    struct Analytics: Encodable {
        var totalPredictions: Int
        var sentimentDistribution: [String: Double]
        var modelUsage: [String: Double]
        var averageResponseTime: Double
        var fallbackAnswers: Int
        var circuitBreakerActivations: Int
        var lastPredictionAt: Date?
        var lastUpdated: Date

        enum CodingKeys: String, CodingKey {
            case totalPredictions = "total_predictions", sentimentDistribution = "sentiment_distribution"
            case modelUsage = "model_usage", averageResponseTime = "average_response_time"
            case fallbackAnswers = "fallback_answers", circuitBreakerActivations = "circuit_breaker_activations"
            case lastPredictionAt = "last_prediction_at", lastUpdated = "last_updated"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/analytics") { _, _ in try await analytics() }
    }

    func analytics() async throws -> Response {
        let summary: AnalyticsSummary
        let activations: Int
        do {
            summary = try await services.repository.summary()
            activations = try await services.breakerEvents.activations(from: .distantPast, to: .distantFuture,
                                                                       scope: BreakerScope.overall)
        } catch {
            throw ValenceError.notReady("the database is unavailable: \(error)")
        }
        var distribution = ["positive": 0.0, "negative": 0.0, "neutral": 0.0]
        for (sentiment, count) in summary.sentimentCounts {
            distribution[sentiment] = Self.percent(count, of: summary.totalPredictions)
        }
        return try JSONResponse.encode(Analytics(
            totalPredictions: summary.totalPredictions,
            sentimentDistribution: distribution,
            modelUsage: summary.modelCounts.mapValues { Self.percent($0, of: summary.totalPredictions) },
            averageResponseTime: (summary.averageLatencyMs * 1000).rounded() / 1000,
            fallbackAnswers: summary.fallbackAnswers,
            circuitBreakerActivations: activations,
            lastPredictionAt: summary.lastPredictionAt,
            lastUpdated: Date()
        ))
    }

    /// A percentage 0–100 with two decimals.
    static func percent(_ count: Int, of total: Int) -> Double {
        guard total > 0 else { return 0 }
        return (Double(count) * 10_000 / Double(total)).rounded() / 100
    }
}
