import Foundation
import Hummingbird
import ValenceCore

/// An error as the API shows it: `{"error": {"code": str, "message": str}}` with its status.
public struct APIError: HTTPResponseError, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    /// Seconds for a `Retry-After` header (429, 503).
    public var retryAfterSeconds: Int?

    public init(status: HTTPResponse.Status, code: String, message: String, retryAfterSeconds: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.retryAfterSeconds = retryAfterSeconds
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.text(
            "{\"error\":{\"code\":\(JSONText.quoted(code)),\"message\":\(JSONText.quoted(message))}}", status: status)
        if let retryAfterSeconds {
            response.headers[.retryAfter] = String(retryAfterSeconds)
        }
        return response
    }
}

extension APIError {
    /// The one mapping from domain errors to HTTP.
    public init(_ error: ValenceError) {
        switch error {
        case .invalidInput(let message):
            self.init(status: .unprocessableContent, code: "invalid_input", message: message)
        case .malformedRequest(let message):
            self.init(status: .badRequest, code: "malformed_request", message: message)
        case .unknownModel(let key):
            self.init(status: .notFound, code: "unknown_model", message: "no model is known by the key '\(key)'")
        case .notFound(let message):
            self.init(status: .notFound, code: "not_found", message: message)
        case .tooLarge(let message):
            self.init(status: .contentTooLarge, code: "too_large", message: message)
        case .overloaded(let seconds):
            self.init(status: .tooManyRequests, code: "overloaded", message: "the service is overloaded; retry later",
                      retryAfterSeconds: seconds)
        case .notReady(let message):
            self.init(status: .serviceUnavailable, code: "not_ready", message: message, retryAfterSeconds: 1)
        case .unauthorized:
            self.init(status: .unauthorized, code: "unauthorized", message: "a valid API key is required")
        }
    }
}
