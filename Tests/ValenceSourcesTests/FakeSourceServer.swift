import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import ValenceTestSupport

/// A scriptable HTTP server on 127.0.0.1 (ephemeral port) standing in for Reddit or a feed host. Every request
/// is recorded with the time it arrived; `respond` answers it, told how many earlier requests had the same path.
final class FakeSourceServer: Sendable {
    struct Request: Sendable {
        var path: String
        /// The query string without `?`, or nil.
        var query: String?
        /// Header values by lowercase name.
        var headers: [String: String]
        var receivedAt: ContinuousClock.Instant

        /// The value of one query parameter.
        func parameter(_ name: String) -> String? {
            for pair in (query ?? "").split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.first.map(String.init) == name { return parts.count == 2 ? String(parts[1]) : "" }
            }
            return nil
        }
    }

    typealias Reply = ScriptedHTTPServer.Reply

    typealias Responder = @Sendable (_ request: Request, _ earlierRequestsForPath: Int) -> Reply

    let port: Int
    private let recorded: NIOLockedValueBox<[Request]>

    private init(port: Int, recorded: NIOLockedValueBox<[Request]>) {
        self.port = port
        self.recorded = recorded
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    var requests: [Request] { recorded.withLockedValue { $0 } }

    /// Runs `body` with a started server, then closes it and its connections.
    static func withRunning<Result: Sendable>(_ responder: @escaping Responder,
                                              _ body: (FakeSourceServer) async throws -> Result) async throws -> Result {
        let recorded = NIOLockedValueBox<[Request]>([])
        return try await ScriptedHTTPServer.withRunning({ answer($0, responder: responder, recorded: recorded) }) { port in
            try await body(FakeSourceServer(port: port, recorded: recorded))
        }
    }

    private static func answer(_ head: HTTPRequestHead, responder: Responder, recorded: NIOLockedValueBox<[Request]>) -> Reply {
        let parts = head.uri.split(separator: "?", maxSplits: 1).map(String.init)
        let request = Request(path: parts.first ?? head.uri, query: parts.count == 2 ? parts[1] : nil,
                              headers: Dictionary(head.headers.map { ($0.name.lowercased(), $0.value) }) { first, _ in first },
                              receivedAt: ContinuousClock.now)
        let earlier = recorded.withLockedValue { requests in
            defer { requests.append(request) }
            return requests.filter { $0.path == request.path }.count
        }
        return responder(request, earlier)
    }
}

extension ScriptedHTTPServer.Reply {
    static func json(_ body: String, headers: [(String, String)] = []) -> Self {
        Self(headers: [("Content-Type", "application/json")] + headers, text: body)
    }

    static func xml(_ body: String, headers: [(String, String)] = []) -> Self {
        Self(headers: [("Content-Type", "application/xml")] + headers, text: body)
    }
}
