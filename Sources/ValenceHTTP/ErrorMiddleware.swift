import Hummingbird
import Logging
import ValenceCore

/// Turns every error into the API's JSON error shape. Domain errors map through `APIError.init(_:)`;
/// framework errors keep their status; anything unexpected becomes a bare 500 that leaks nothing.
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as ValenceError {
            throw APIError(error)
        } catch let error as HTTPError {
            throw APIError(status: error.status, code: Self.code(for: error.status),
                           message: error.body ?? error.status.reasonPhrase)
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(error)"])
            throw APIError(status: .internalServerError, code: "internal", message: "internal error")
        }
    }

    private static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "too_large"
        case .unsupportedMediaType: "unsupported_media_type"
        default: status.code < 500 ? "bad_request" : "internal"
        }
    }
}
