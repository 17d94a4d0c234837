import Foundation
import Hummingbird
import ValenceCore

/// The model service's inference and readiness routes (DESIGN.md section 2): POST /predict with `text` or
/// `texts`, GET /health, GET /ready. No fallback here: a model that cannot answer is a 503 the gateway reads.
struct ModelServiceRoutes {
    let services: ModelServiceServices

    struct PredictBody: Decodable {
        var text: String?
        var texts: [String]?
        var model: String?
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/predict") { request, _ in try await predict(request) }
        router.get("/health") { _, _ in
            JSONResponse.text("{\"status\":\"ok\",\"timestamp\":\(JSONText.quoted(Timestamp.iso8601(Date())))}")
        }
        router.get("/ready") { _, _ in
            let readiness = services.registry.readiness
            return try JSONResponse.encode(readiness, status: readiness.ready ? .ok : .serviceUnavailable)
        }
    }

    func predict(_ request: Request) async throws -> Response {
        let body = try await request.decodeJSONBody(as: PredictBody.self, limit: services.limits.maxBodyBytes)
        let texts: [String]
        switch (body.text, body.texts) {
        case (let text?, nil): texts = [text]
        case (nil, let many?): texts = many
        case (.some, .some): throw ValenceError.invalidInput("send either 'text' or 'texts', not both")
        case (nil, nil): throw ValenceError.invalidInput("field 'text' (a string) or 'texts' (an array of strings) is required")
        }
        guard !texts.isEmpty else { throw ValenceError.invalidInput("field 'texts' must hold at least one text") }
        guard texts.count <= services.limits.maxBatchSize else {
            throw ValenceError.tooLarge("a batch holds at most \(services.limits.maxBatchSize) texts; got \(texts.count)")
        }
        let model: any SentimentModel
        switch try await services.registry.resolve(body.model) {
        case .ready(let ready): model = ready
        case .unavailable(_, let reason): throw ValenceError.notReady(reason)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let results = try await model.classify(texts)
        guard results.count == texts.count else {
            throw ModelServiceError("model '\(model.key)' returned \(results.count) results for \(texts.count) texts")
        }
        let milliseconds = start.duration(to: clock.now).inMilliseconds
        if body.text != nil, let result = results.first {
            return try JSONResponse.encode(PredictRoutes.SingleResponse(
                sentiment: result.sentiment, confidence: result.confidence, modelUsed: model.key,
                processingTimeMs: milliseconds, fallbackUsed: false, timestamp: Date(),
                scores: ScoresObject(scores: result.scores), requestId: UUID().uuidString.lowercased()
            ))
        }
        return try JSONResponse.encode(PredictRoutes.BatchResponse(
            results: results.map {
                PredictRoutes.BatchItem(sentiment: $0.sentiment, confidence: $0.confidence, scores: ScoresObject(scores: $0.scores))
            },
            modelUsed: model.key, totalProcessingTimeMs: milliseconds, batchSize: results.count, fallbackUsed: false
        ))
    }
}

/// An inference failure inside the model service (answered as a bare 500).
struct ModelServiceError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
