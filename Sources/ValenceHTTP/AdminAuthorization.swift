import HTTPTypes
import Hummingbird
import ValenceCore

extension APIServices {
    /// Throws `unauthorized` unless the request carries the configured API key (no key configured: open).
    func authorizeAdmin(_ request: Request) throws {
        try AdminAuthorization.authorize(request, apiKey: apiKey)
    }
}

/// Management endpoints require the API key when one is configured (`X-API-Key` or `Authorization: Bearer`).
enum AdminAuthorization {
    /// Throws `unauthorized` unless the request carries `apiKey` (nil or empty: open).
    static func authorize(_ request: Request, apiKey: String?) throws {
        guard let apiKey, !apiKey.isEmpty else { return }
        let presented = request.headers[HTTPField.Name("X-API-Key")!]
            ?? request.headers[.authorization].flatMap { value in
                value.hasPrefix("Bearer ") ? String(value.dropFirst(7)) : nil
            }
        guard let presented, Self.constantTimeEqual(presented, apiKey) else { throw ValenceError.unauthorized }
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
