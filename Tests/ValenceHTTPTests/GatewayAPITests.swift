import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ValenceApp
import ValenceTestSupport

/// Runs `body` against `valence serve`'s application on a fresh data directory, through the router.
func withServeApp(apiKey: String? = nil, limits: (inout ServeConfiguration) -> Void = { _ in },
                  _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await withTemporaryDirectory { directory in
        var configuration = ServeConfiguration(dataDirectory: directory)
        configuration.apiKey = apiKey
        limits(&configuration)
        let app = try await buildApplication(configuration: configuration, logger: .quiet)
        try await app.test(.router, body)
    }
}

func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
}

func post(_ client: any TestClientProtocol, _ path: String, _ body: String,
          _ check: @escaping @Sendable (TestResponse) async throws -> Void) async throws {
    try await client.execute(uri: path, method: .post, headers: [.contentType: "application/json"],
                             body: ByteBuffer(string: body)) { response in try await check(response) }
}

@Suite("Gateway API: shapes and errors")
struct GatewayAPITests {
    @Test("POST /predict answers the seed's shape; the unavailable default model falls back to VADER")
    func predictShape() async throws {
        try await withServeApp { client in
            try await post(client, "/predict", #"{"text": "UCLA is amazing for AI research!"}"#) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                for key in ["sentiment", "confidence", "model_used", "processing_time_ms", "fallback_used", "timestamp", "scores", "request_id"] {
                    #expect(body[key] != nil, "missing \(key)")
                }
                #expect(body["fallback_used"] as? Bool == true)
                #expect(body["model_used"] as? String == "vader")
                let scores = try #require(body["scores"] as? [String: Double])
                #expect(Set(scores.keys) == ["neg", "neu", "pos", "compound"])
                let timestamp = try #require(body["timestamp"] as? String)
                #expect(timestamp.hasSuffix("Z"))
            }
        }
    }

    @Test("model vader answers without fallback")
    func explicitVader() async throws {
        try await withServeApp { client in
            try await post(client, "/predict", #"{"text": "", "model": "vader"}"#) { response in
                let body = try json(response.body)
                #expect(response.status == .ok)
                #expect(body["fallback_used"] as? Bool == false)
                #expect(body["sentiment"] as? String == "neutral")
            }
        }
    }

    @Test("POST /predict/batch answers one result per text in order")
    func batchShape() async throws {
        try await withServeApp { client in
            try await post(client, "/predict/batch", #"{"texts": ["a", "b", "c"], "model": "vader"}"#) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["batch_size"] as? Int == 3)
                #expect((body["results"] as? [[String: Any]])?.count == 3)
                for key in ["model_used", "total_processing_time_ms", "fallback_used"] { #expect(body[key] != nil) }
            }
        }
    }

    @Test("bad input gets a JSON 4xx error", arguments: [
        ("/predict", #"{"text": 5}"#, 422, "invalid_input"),
        ("/predict", #"{}"#, 422, "invalid_input"),
        ("/predict", #"{"text": null}"#, 422, "invalid_input"),
        ("/predict", #"{"text": "x", "model": 3}"#, 422, "invalid_input"),
        ("/predict", "{not json", 400, "malformed_request"),
        ("/predict", "", 400, "malformed_request"),
        ("/predict", "[1]", 422, "invalid_input"),
        ("/predict", #"{"text": "x", "model": "no-such-model"}"#, 404, "unknown_model"),
        ("/predict/batch", #"{"texts": "x"}"#, 422, "invalid_input"),
        ("/predict/batch", #"{"texts": []}"#, 422, "invalid_input"),
        ("/predict/batch", #"{"texts": ["a", 1]}"#, 422, "invalid_input"),
    ])
    func badInput(path: String, body: String, status: Int, code: String) async throws {
        try await withServeApp { client in
            try await post(client, path, body) { response in
                #expect(response.status.code == status)
                let error = try #require(try json(response.body)["error"] as? [String: String])
                #expect(error["code"] == code)
                #expect(error["message"]?.isEmpty == false)
            }
        }
    }

    @Test("bodies and batches are bounded: 413")
    func bounded() async throws {
        try await withServeApp(limits: { $0.limits.maxBodyBytes = 1_000; $0.limits.maxBatchSize = 2 }) { client in
            let long = String(repeating: "a", count: 2_000)
            try await post(client, "/predict", #"{"text": "\#(long)"}"#) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await post(client, "/predict/batch", #"{"texts": ["a", "b", "c"]}"#) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test("unknown routes are JSON 404s")
    func unknownRoute() async throws {
        try await withServeApp { client in
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
