import Foundation
import Hummingbird
import ValenceCore

/// POST /predict and POST /predict/batch.
struct PredictRoutes {
    let services: APIServices

    struct SingleRequest: Decodable {
        var text: String
        var model: String?
    }

    struct BatchRequest: Decodable {
        var texts: [String]
        var model: String?
    }

    struct SingleResponse: Encodable {
        var sentiment: Sentiment
        var confidence: Double
        var modelUsed: String
        var processingTimeMs: Double
        var fallbackUsed: Bool
        var timestamp: Date
        var scores: ScoresObject
        var requestId: String

        enum CodingKeys: String, CodingKey {
            case sentiment, confidence, scores, timestamp
            case modelUsed = "model_used", processingTimeMs = "processing_time_ms", fallbackUsed = "fallback_used"
            case requestId = "request_id"
        }
    }

    struct BatchItem: Encodable {
        var sentiment: Sentiment
        var confidence: Double
        var scores: ScoresObject
    }

    struct BatchResponse: Encodable {
        var results: [BatchItem]
        var modelUsed: String
        var totalProcessingTimeMs: Double
        var batchSize: Int
        var fallbackUsed: Bool

        enum CodingKeys: String, CodingKey {
            case results
            case modelUsed = "model_used", totalProcessingTimeMs = "total_processing_time_ms"
            case batchSize = "batch_size", fallbackUsed = "fallback_used"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/predict") { request, _ in try await predict(request) }
        router.post("/predict/batch") { request, _ in try await predictBatch(request) }
    }

    func predict(_ request: Request) async throws -> Response {
        let body = try await request.decodeJSONBody(as: SingleRequest.self, limit: services.limits.maxBodyBytes)
        let outcome = try await services.predictions.predict([body.text], model: body.model)
        let result = outcome.results[0]
        return try JSONResponse.encode(SingleResponse(
            sentiment: result.sentiment, confidence: result.confidence, modelUsed: outcome.modelUsed,
            processingTimeMs: outcome.processingTimeMs, fallbackUsed: outcome.fallbackUsed,
            timestamp: outcome.timestamp, scores: ScoresObject(scores: result.scores),
            requestId: outcome.ids[0].uuidString.lowercased()
        ))
    }

    func predictBatch(_ request: Request) async throws -> Response {
        let body = try await request.decodeJSONBody(as: BatchRequest.self, limit: services.limits.maxBodyBytes)
        guard !body.texts.isEmpty else { throw ValenceError.invalidInput("field 'texts' must hold at least one text") }
        guard body.texts.count <= services.limits.maxBatchSize else {
            throw ValenceError.tooLarge("a batch holds at most \(services.limits.maxBatchSize) texts; got \(body.texts.count)")
        }
        let outcome = try await services.predictions.predict(body.texts, model: body.model)
        return try JSONResponse.encode(BatchResponse(
            results: outcome.results.map {
                BatchItem(sentiment: $0.sentiment, confidence: $0.confidence, scores: ScoresObject(scores: $0.scores))
            },
            modelUsed: outcome.modelUsed, totalProcessingTimeMs: outcome.processingTimeMs,
            batchSize: outcome.results.count, fallbackUsed: outcome.fallbackUsed
        ))
    }
}
