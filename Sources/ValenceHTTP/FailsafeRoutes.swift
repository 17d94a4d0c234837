import Foundation
import Hummingbird
import ValenceCore
import ValenceResilience

/// GET /failsafe/status, POST /failsafe/reset.
struct FailsafeRoutes {
    let services: APIServices

    struct Transition: Encodable {
        var from: String
        var to: String
        var at: Date
        var reason: String

        init(_ event: CircuitBreaker.Event) {
            from = event.from.rawValue
            to = event.to.rawValue
            at = event.at
            reason = event.reason
        }
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

    struct ReplicaBreaker: Encodable {
        var url: String
        var reachable: Bool?
        var state: String
        var failureCount: Int
        var activations: Int
        var lastTransitions: [Transition]

        enum CodingKeys: String, CodingKey {
            case url, reachable, state, activations
            case failureCount = "failure_count", lastTransitions = "last_transitions"
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
        /// Per model-service replica (gateway only).
        var replicas: [ReplicaBreaker]?

        enum CodingKeys: String, CodingKey {
            case state, activations, configuration, replicas
            case failureCount = "failure_count", fallbackAnswers = "fallback_answers"
            case lastTransitions = "last_transitions", lastFallbackAt = "last_fallback_at"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/failsafe/status") { _, _ in try status() }
        router.post("/failsafe/reset") { request, _ in
            try services.authorizeAdmin(request)
            services.breaker.reset()
            for replica in services.replicas() { replica.breaker.reset() }
            return try status()
        }
    }

    func status() throws -> Response {
        let fallback = services.fallbackTracker.snapshot
        let breaker = services.breaker.status
        let replicas = services.replicas()
        return try JSONResponse.encode(FailsafeStatus(
            state: breaker.state.rawValue, failureCount: breaker.failuresInWindow, activations: breaker.activations,
            fallbackAnswers: fallback.fallbackAnswers,
            lastTransitions: breaker.lastTransitions.map(Transition.init),
            lastFallbackAt: fallback.lastFallbackAt,
            configuration: Settings(
                maxFailures: breaker.configuration.maxFailures,
                failureWindowSeconds: breaker.configuration.failureWindow.inMilliseconds / 1000,
                openTimeoutSeconds: breaker.configuration.openTimeout.inMilliseconds / 1000,
                successesToClose: breaker.configuration.successesToClose
            ),
            replicas: replicas.isEmpty ? nil : replicas.map { replica in
                let breaker = replica.breaker.status
                return ReplicaBreaker(
                    url: replica.url, reachable: replica.reachable, state: breaker.state.rawValue,
                    failureCount: breaker.failuresInWindow, activations: breaker.activations,
                    lastTransitions: breaker.lastTransitions.map(Transition.init)
                )
            }
        ))
    }
}
