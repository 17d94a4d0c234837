import Foundation
import Hummingbird
import ValenceCore

extension Request {
    /// Collects at most `limit` bytes and decodes them as `T`. Malformed JSON is a 400; a missing field or a
    /// field of the wrong type is a 422; a body over the limit is a 413.
    public func decodeJSONBody<T: Decodable>(as type: T.Type, limit: Int) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: limit)
        } catch {
            throw ValenceError.tooLarge("the request body is larger than \(limit) bytes")
        }
        let data = Data(buffer: buffer)
        guard !data.isEmpty else { throw ValenceError.malformedRequest("the request body is empty; a JSON object is expected") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw Self.domainError(error)
        }
    }

    private static func domainError(_ error: DecodingError) -> ValenceError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalidInput("missing field '\(path(context.codingPath + [key]))'")
        case .typeMismatch(let type, let context):
            return .invalidInput("field '\(path(context.codingPath))' must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalidInput("field '\(path(context.codingPath))' must be \(describe(type)), not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .malformedRequest("the request body is not valid JSON") }
            return .invalidInput("field '\(path(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return .malformedRequest("the request body could not be read")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "a list of strings"
        case is Dictionary<String, Any>.Type: "an object"
        default: "of type \(type)"
        }
    }
}
