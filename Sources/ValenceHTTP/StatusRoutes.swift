import Foundation
import Hummingbird
import ValenceCore
import ValenceStorage

/// GET /health, /status, /db/health.
struct StatusRoutes {
    let services: APIServices

    struct DatabaseHealth: Encodable {
        var status: String
        var driver: String
        var roundTripMs: Double?
        var error: String?

        enum CodingKeys: String, CodingKey {
            case status, driver, error
            case roundTripMs = "round_trip_ms"
        }
    }

    struct WriteBuffer: Encodable {
        var pending: Int
        var capacity: Int
        var written: Int
        var dropped: Int
        var lastError: String?

        enum CodingKeys: String, CodingKey {
            case pending, capacity, written, dropped
            case lastError = "last_error"
        }
    }

    struct Fallback: Encodable {
        var answers: Int
        var reasons: [String: String]
        var lastFallbackAt: Date?

        enum CodingKeys: String, CodingKey {
            case answers, reasons
            case lastFallbackAt = "last_fallback_at"
        }
    }

    struct ModelService: Encodable {
        var url: String
        var reachable: Bool?
        var breaker: String
        var defaultModel: String?
        var lastError: String?
        var lastCheckedAt: Date?

        enum CodingKeys: String, CodingKey {
            case url, reachable, breaker
            case defaultModel = "default_model", lastError = "last_error", lastCheckedAt = "last_checked_at"
        }
    }

    struct Status: Encodable {
        var status: String
        var version: String
        var uptimeSeconds: Double
        var defaultModel: String
        var models: [ModelStatus]
        var fallback: Fallback
        var circuitBreaker: [String: String]
        var database: DatabaseHealth
        var writeBuffer: WriteBuffer
        /// The replicas behind a gateway (absent when models run in process).
        var modelServices: [ModelService]?

        enum CodingKeys: String, CodingKey {
            case status, version, models, fallback, database
            case modelServices = "model_services"
            case uptimeSeconds = "uptime_seconds", defaultModel = "default_model"
            case circuitBreaker = "circuit_breaker", writeBuffer = "write_buffer"
        }
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/health") { _, _ in
            JSONResponse.text("{\"status\":\"ok\",\"timestamp\":\(JSONText.quoted(Timestamp.iso8601(Date())))}")
        }
        router.get("/db/health") { _, _ in
            let health = await databaseHealth()
            return try JSONResponse.encode(health, status: health.status == "ok" ? .ok : .serviceUnavailable)
        }
        router.get("/status") { _, _ in try await status() }
    }

    func databaseHealth() async -> DatabaseHealth {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await services.pingDatabase()
            return DatabaseHealth(status: "ok", driver: services.databaseDriver,
                                  roundTripMs: start.duration(to: clock.now).inMilliseconds)
        } catch {
            return DatabaseHealth(status: "unavailable", driver: services.databaseDriver, error: "\(error)")
        }
    }

    func status() async throws -> Response {
        let fallback = services.fallbackTracker.snapshot
        let buffer = services.writer.snapshot
        let database = await databaseHealth()
        let replicas = services.replicas()
        let modelServiceUp = replicas.isEmpty || replicas.contains { $0.reachable == true }
        return try JSONResponse.encode(Status(
            status: database.status == "ok" && modelServiceUp ? "ok" : "degraded",
            version: ValenceVersion.current,
            uptimeSeconds: Date().timeIntervalSince(services.startedAt),
            defaultModel: services.models.defaultModelKey,
            models: await services.models.statuses(),
            fallback: Fallback(answers: fallback.fallbackAnswers, reasons: fallback.reasons,
                               lastFallbackAt: fallback.lastFallbackAt),
            circuitBreaker: ["state": services.breaker.status.state.rawValue],
            database: database,
            writeBuffer: WriteBuffer(pending: buffer.pending, capacity: buffer.capacity, written: buffer.written,
                                     dropped: buffer.dropped, lastError: buffer.lastError),
            modelServices: replicas.isEmpty ? nil : replicas.map {
                ModelService(url: $0.url, reachable: $0.reachable, breaker: $0.breaker.status.state.rawValue,
                             defaultModel: $0.defaultModel, lastError: $0.lastError, lastCheckedAt: $0.lastCheckedAt)
            }
        ))
    }
}
