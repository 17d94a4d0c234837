import Foundation
import Hummingbird

/// Builders for JSON responses.
public enum JSONResponse {
    private static let contentType = "application/json; charset=utf-8"

    /// A response whose body is the given JSON text.
    public static func text(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: json)
        return Response(status: status, headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)],
                        body: .init(byteBuffer: buffer))
    }

    /// A response whose body is `value` encoded with snake_case keys as written in the type's CodingKeys.
    public static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        let buffer = ByteBuffer(bytes: data)
        return Response(status: status, headers: [.contentType: contentType, .contentLength: String(buffer.readableBytes)],
                        body: .init(byteBuffer: buffer))
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.iso8601(date))
        }
        return encoder
    }()
}
