import Foundation
import Hummingbird
import ValenceCore

/// GET /failsafe/status, POST /failsafe/reset, GET /alerts, POST /alerts/{id}/acknowledge.
struct FailsafeRoutes {
    let services: APIServices

    struct Transition: Encodable {
        var from: String
        var to: String
        var at: Date
        var reason: String
    }

    struct Settings: Encodable {
        var maxFailures: Int
        var failureWindowSeconds: Double
        var openTimeoutSeconds: Double
        var successesToClose: Int

        enum CodingKeys: String, CodingKey {
            case maxFailures = "max_failures", failureWindowSeconds = "failure_window_seconds"
            case openTimeoutSeconds = "open_timeout_seconds", successesToClose = "successes_to_close"
        }
    }

    struct FailsafeStatus: Encodable {
        var state: String
        var failureCount: Int
        var activations: Int
        var fallbackAnswers: Int
        var lastTransitions: [Transition]
        var lastFallbackAt: Date?
        var configuration: Settings

        enum CodingKeys: String, CodingKey {
            case state, activations, configuration
            case failureCount = "failure_count", fallbackAnswers = "fallback_answers"
            case lastTransitions = "last_transitions", lastFallbackAt = "last_fallback_at"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/failsafe/status") { _, _ in try status() }
        router.post("/failsafe/reset") { request, _ in
            try services.authorizeAdmin(request)
            services.breaker.reset()
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
        let breaker = services.breaker.status
        return try JSONResponse.encode(FailsafeStatus(
            state: breaker.state.rawValue, failureCount: breaker.failuresInWindow, activations: breaker.activations,
            fallbackAnswers: fallback.fallbackAnswers,
            lastTransitions: breaker.lastTransitions.map {
                Transition(from: $0.from.rawValue, to: $0.to.rawValue, at: $0.at, reason: $0.reason)
            },
            lastFallbackAt: fallback.lastFallbackAt,
            configuration: Settings(
                maxFailures: breaker.configuration.maxFailures,
                failureWindowSeconds: breaker.configuration.failureWindow.inMilliseconds / 1000,
                openTimeoutSeconds: breaker.configuration.openTimeout.inMilliseconds / 1000,
                successesToClose: breaker.configuration.successesToClose
            )
        ))
    }
}
