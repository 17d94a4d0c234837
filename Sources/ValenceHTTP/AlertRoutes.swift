import Foundation
import Hummingbird
import ValenceCore
import ValenceStorage

/// GET /alerts (active and recent alerts) and POST /alerts/{id}/acknowledge (admin).
struct AlertRoutes {
    let services: APIServices
    /// Resolved alerts listed after the open ones.
    let recentResolved = 50

    struct AlertBody: Encodable {
        var id: String
        var rule: String
        var key: String
        var severity: String
        var state: String
        var message: String
        var value: Double
        var threshold: Double
        var firstSeen: Date
        var lastSeen: Date
        var acknowledgedAt: Date?
        var resolvedAt: Date?

        init(_ alert: Alert) {
            id = alert.id.uuidString.lowercased()
            rule = alert.rule
            key = alert.key
            severity = alert.severity.rawValue
            state = alert.state.rawValue
            message = alert.message
            value = alert.value
            threshold = alert.threshold
            firstSeen = alert.firstSeen
            lastSeen = alert.lastSeen
            acknowledgedAt = alert.acknowledgedAt
            resolvedAt = alert.resolvedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, rule, key, severity, state, message, value, threshold
            case firstSeen = "first_seen", lastSeen = "last_seen"
            case acknowledgedAt = "acknowledged_at", resolvedAt = "resolved_at"
        }
    }

    struct AlertList: Encodable {
        var alerts: [AlertBody]
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/alerts") { _, _ in
            let alerts = try await databaseCall { try await services.alerts.list(recentResolved: recentResolved) }
            return try JSONResponse.encode(AlertList(alerts: alerts.map(AlertBody.init)))
        }
        router.post("/alerts/:id/acknowledge") { request, context -> Response in
            try services.authorizeAdmin(request)
            let id = try resourceID(context.parameters.get("id"), of: "alert")
            let alert = try await databaseCall { try await services.alerts.acknowledge(id: id, at: Date()) }
            return try JSONResponse.encode(AlertBody(alert))
        }
    }
}
