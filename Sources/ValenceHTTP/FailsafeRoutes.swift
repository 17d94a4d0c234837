import Foundation
import Hummingbird
import ValenceCore

/// GET /failsafe/status, POST /failsafe/reset, GET /alerts, POST /alerts/{id}/acknowledge.
/// In `valence serve` the model runs in process and nothing can trip the breaker yet, so it reports
/// `closed`; the breaker state machine, its transitions and alert rules plug in here.
struct FailsafeRoutes {
    let services: APIServices

    struct FailsafeStatus: Encodable {
        var state: String
        var failureCount: Int
        var activations: Int
        var fallbackAnswers: Int
        var lastTransitions: [String]
        var lastFallbackAt: Date?

        enum CodingKeys: String, CodingKey {
            case state, activations
            case failureCount = "failure_count", fallbackAnswers = "fallback_answers"
            case lastTransitions = "last_transitions", lastFallbackAt = "last_fallback_at"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/failsafe/status") { _, _ in try status() }
        router.post("/failsafe/reset") { request, _ in
            try services.authorizeAdmin(request)
            return try status()
        }
        router.get("/alerts") { _, _ in JSONResponse.text("{\"alerts\":[]}") }
        router.post("/alerts/:id/acknowledge") { request, context -> Response in
            try services.authorizeAdmin(request)
            let id = context.parameters.get("id") ?? ""
            throw ValenceError.notFound("no alert with id '\(id)'")
        }
    }

    func status() throws -> Response {
        let fallback = services.fallbackTracker.snapshot
        return try JSONResponse.encode(FailsafeStatus(
            state: "closed", failureCount: 0, activations: 0, fallbackAnswers: fallback.fallbackAnswers,
            lastTransitions: [], lastFallbackAt: fallback.lastFallbackAt
        ))
    }
}
