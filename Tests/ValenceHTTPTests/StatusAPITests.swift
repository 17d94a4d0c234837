import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ValenceTestSupport

@Suite("Gateway API: status, analytics, failsafe, docs")
struct StatusAPITests {
    @Test("/analytics with from, to and bucket adds a trend and the change against the previous period")
    func analyticsTrend() async throws {
        try await withServeApp { client in
            try await post(client, "/predict/batch", #"{"texts": ["I love it", "awful", "fine", "great!"], "model": "vader"}"#) { _ in }
            let now = Date().timeIntervalSince1970
            let uri = "/analytics?bucket=minute&from=\(Int(now) - 3_600)&to=\(Int(now) + 60)&model=vader"
            var body: [String: Any] = [:]
            for _ in 0..<40 where (body["total_predictions"] as? Int ?? 0) < 4 {
                try await client.execute(uri: uri, method: .get) { response in body = try json(response.body) }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(body["total_predictions"] as? Int == 4)
            #expect(body["bucket"] as? String == "minute")
            let trend = try #require(body["trend"] as? [[String: Any]])
            #expect(trend.map { $0["count"] as? Int ?? 0 }.reduce(0, +) == 4)
            let change = try #require(body["change"] as? [String: Any])
            #expect(change["previous_total"] as? Int == 0)
            #expect(change["total_change"] as? Int == 4)
            let latency = try #require(body["latency_ms"] as? [String: Any])
            #expect(latency["p50"] != nil && latency["p95"] != nil)
            try await client.execute(uri: "/analytics?model=nope", method: .get) { response in
                let total = try json(response.body)["total_predictions"] as? Int
                #expect(total == 0)
            }
            for bad in ["bucket=year", "from=yesterday", "from=20&to=10"] {
                try await client.execute(uri: "/analytics?\(bad)", method: .get) { response in
                    #expect(response.status == .unprocessableContent, "\(bad)")
                }
            }
        }
    }

    @Test("a prediction shows in /analytics within a second")
    func analyticsCountsPredictions() async throws {
        try await withServeApp { client in
            try await post(client, "/predict", #"{"text": "I love this", "model": "vader"}"#) { _ in }
            try await post(client, "/predict/batch", #"{"texts": ["awful", "fine"], "model": "vader"}"#) { _ in }
            var total = 0
            for _ in 0..<20 where total < 3 {
                try await client.execute(uri: "/analytics", method: .get) { response in
                    total = try json(response.body)["total_predictions"] as? Int ?? 0
                }
                if total < 3 { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(total == 3)
            try await client.execute(uri: "/analytics", method: .get) { response in
                let body = try json(response.body)
                let distribution = try #require(body["sentiment_distribution"] as? [String: Double])
                #expect(Set(distribution.keys) == ["positive", "negative", "neutral"])
                #expect(abs(distribution.values.reduce(0, +) - 100) < 0.05)
                #expect(body["model_usage"] as? [String: Double] == ["vader": 100])
                for key in ["average_response_time", "circuit_breaker_activations", "last_updated"] { #expect(body[key] != nil) }
            }
        }
    }

    @Test("/status reports models, fallback reasons, database and the write buffer")
    func status() async throws {
        try await withServeApp { client in
            try await post(client, "/predict", #"{"text": "hello"}"#) { _ in }
            try await client.execute(uri: "/status", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["default_model"] as? String == "distilbert-sentiment")
                let reasons = try #require((body["fallback"] as? [String: Any])?["reasons"] as? [String: String])
                #expect(reasons["distilbert-sentiment"]?.isEmpty == false)
                #expect((body["database"] as? [String: Any])?["status"] as? String == "ok")
                #expect((body["write_buffer"] as? [String: Any])?["capacity"] as? Int == 10_000)
            }
            for path in ["/health", "/db/health", "/failsafe/status", "/alerts"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
            try await client.execute(uri: "/failsafe/status", method: .get) { response in
                let state = try json(response.body)["state"] as? String
                #expect(state == "closed")
            }
        }
    }

    @Test("management endpoints need the API key when one is set")
    func adminKey() async throws {
        try await withServeApp(apiKey: "s3cret") { client in
            try await client.execute(uri: "/failsafe/reset", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/failsafe/reset", method: .post, headers: [.init("X-API-Key")!: "wrong"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/failsafe/reset", method: .post, headers: [.authorization: "Bearer s3cret"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("/openapi.json is OpenAPI 3.1 and /docs renders it")
    func docs() async throws {
        try await withServeApp { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let document = try json(response.body)
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: Any])
                #expect(Set(paths.keys) == Self.documentedRoutes)
            }
            try await client.execute(uri: "/docs", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("/predict/batch"))
            }
        }
    }

    /// Every route the gateway registers; each must answer something other than 404 for its method.
    static let documentedRoutes: Set<String> = [
        "/predict", "/predict/batch", "/analytics", "/alerts", "/alerts/{id}/acknowledge", "/health", "/status",
        "/db/health", "/failsafe/status", "/failsafe/reset", "/docs", "/openapi.json",
        "/jobs", "/jobs/{id}", "/jobs/{id}/results", "/jobs/{id}/cancel", "/sources", "/sources/{id}",
        "/dashboard", "/dashboard/events",
    ]

    @Test("every documented route is served")
    func documentedRoutesExist() async throws {
        try await withServeApp { client in
            // The event stream runs for minutes; ValenceDashboardTests read it with a short stream limit.
            for path in Self.documentedRoutes where path != "/dashboard/events" {
                let concrete = path.replacingOccurrences(of: "{id}", with: "x")
                let method: HTTPRequest.Method = ["/predict", "/predict/batch", "/failsafe/reset", "/alerts/{id}/acknowledge",
                                                  "/jobs/{id}/cancel"].contains(path) ? .post : .get
                try await client.execute(uri: concrete, method: method, headers: [.contentType: "application/json"],
                                         body: ByteBuffer(string: #"{"text": "x", "texts": ["x"]}"#)) { response in
                    // The route exists; the resource does not: its 404 comes from the handler ("no job with id 'x'").
                    if path.contains("{id}") {
                        #expect(String(buffer: response.body).contains("with id 'x'"), "\(path)")
                    } else {
                        #expect(response.status != .notFound, "\(path)")
                    }
                }
            }
        }
    }
}
