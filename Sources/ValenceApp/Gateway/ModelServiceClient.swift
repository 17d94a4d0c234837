import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ValenceCore

/// One model-service replica over HTTP (DESIGN.md section 2, model service routes).
struct ModelServiceClient: Sendable {
    /// `http://host:port`, no trailing slash.
    let baseURL: String
    let http: HTTPClient
    /// The longest a predict call may take before it counts as a failure.
    let requestTimeout: Duration
    /// The longest a readiness check may take.
    let healthTimeout: Duration

    /// Scores `texts` with `model` (nil → the service's default). Throws `ModelDeclined` when the service
    /// answered but would not score (model not ready, unknown there, overloaded), `ModelServiceFailure` when it
    /// failed (connection error, timeout, 5xx, unreadable answer).
    func predict(_ texts: [String], model: String?) async throws -> RemotePrediction {
        var request = HTTPClientRequest(url: baseURL + "/predict")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(PredictRequest(texts: texts, model: model))))
        let (status, body) = try await send(request, timeout: requestTimeout)
        switch status.code {
        case 200:
            do {
                let answer = try JSONDecoder().decode(PredictAnswer.self, from: body)
                guard answer.results.count == texts.count else {
                    throw ModelServiceFailure("answered \(answer.results.count) results for \(texts.count) texts")
                }
                return RemotePrediction(results: answer.results.map(\.classification), modelUsed: answer.modelUsed)
            } catch let failure as ModelServiceFailure {
                throw failure
            } catch {
                throw ModelServiceFailure("unreadable answer: \(error)")
            }
        case 404, 429, 503:
            throw ModelDeclined(reason: "model service \(baseURL): \(Self.errorMessage(body) ?? status.description)")
        default:
            throw ModelServiceFailure("HTTP \(status.code): \(Self.errorMessage(body) ?? status.description)")
        }
    }

    /// GET /ready: whether the service is up and which models it has ready.
    func readiness() async throws -> ReplicaReadiness {
        var request = HTTPClientRequest(url: baseURL + "/ready")
        request.headers.add(name: "Accept", value: "application/json")
        let (status, body) = try await send(request, timeout: healthTimeout)
        guard status == .ok || status == .serviceUnavailable else {
            throw ModelServiceFailure("GET /ready answered HTTP \(status.code)")
        }
        do {
            return try JSONDecoder().decode(ReplicaReadiness.self, from: body)
        } catch {
            throw ModelServiceFailure("unreadable /ready answer: \(error)")
        }
    }

    private func send(_ request: HTTPClientRequest, timeout: Duration) async throws -> (HTTPResponseStatus, Data) {
        do {
            let response = try await http.execute(request, timeout: .milliseconds(timeout.inMilliseconds.int64))
            let body = try await response.body.collect(upTo: 64 << 20)
            return (response.status, Data(buffer: body))
        } catch {
            throw ModelServiceFailure("\(baseURL) unreachable: \(error)", connectionLost: true)
        }
    }

    private static func errorMessage(_ body: Data) -> String? {
        struct Envelope: Decodable { struct Detail: Decodable { var message: String }; var error: Detail }
        return (try? JSONDecoder().decode(Envelope.self, from: body))?.error.message
    }

    private struct PredictRequest: Encodable {
        var texts: [String]
        var model: String?
    }

    private struct PredictAnswer: Decodable {
        struct Item: Decodable {
            var sentiment: Sentiment
            var confidence: Double
            var scores: [String: Double]

            /// JSON objects carry no order: labels are put in name order, which is also id order for the
            /// catalog's schemes (NEGATIVE/POSITIVE, negative/neutral/positive, "1 star"… "5 stars", LABEL_i).
            var classification: Classification {
                Classification(sentiment: sentiment, confidence: confidence,
                               scores: scores.keys.sorted().map { LabelScore(label: $0, value: scores[$0]!) })
            }
        }

        var results: [Item]
        var modelUsed: String

        enum CodingKeys: String, CodingKey {
            case results
            case modelUsed = "model_used"
        }
    }
}

/// What a replica answered.
struct RemotePrediction: Sendable {
    var results: [Classification]
    var modelUsed: String
}

/// The body of a model service's GET /ready.
struct ReplicaReadiness: Sendable, Decodable, Equatable {
    var ready: Bool
    var defaultModel: String
    var models: [ModelStatus]

    enum CodingKeys: String, CodingKey {
        case ready, models
        case defaultModel = "default_model"
    }
}

/// A failed call to a model service: connection error, timeout, 5xx or an unreadable answer. It counts
/// against the circuit breaker.
struct ModelServiceFailure: Error, CustomStringConvertible {
    var description: String
    /// No answer at all (refused, reset, timed out), as opposed to a bad one.
    var connectionLost: Bool

    init(_ description: String, connectionLost: Bool = false) {
        self.description = description
        self.connectionLost = connectionLost
    }
}
