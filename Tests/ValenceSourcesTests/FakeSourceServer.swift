import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

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

    struct Reply: Sendable {
        var status: HTTPResponseStatus = .ok
        var headers: [(String, String)] = []
        var body: String = ""

        static func json(_ body: String, headers: [(String, String)] = []) -> Reply {
            Reply(headers: [("Content-Type", "application/json")] + headers, body: body)
        }

        static func xml(_ body: String, headers: [(String, String)] = []) -> Reply {
            Reply(headers: [("Content-Type", "application/xml")] + headers, body: body)
        }
    }

    typealias Responder = @Sendable (_ request: Request, _ earlierRequestsForPath: Int) -> Reply

    let port: Int
    private let responder: Responder
    private let recorded = NIOLockedValueBox<[Request]>([])

    private init(port: Int, responder: @escaping Responder) {
        self.port = port
        self.responder = responder
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    var requests: [Request] { recorded.withLockedValue { $0 } }

    /// Runs `body` with a started server, then closes it and its connections.
    static func withRunning<Result: Sendable>(_ responder: @escaping Responder,
                                              _ body: (FakeSourceServer) async throws -> Result) async throws -> Result {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        let server = FakeSourceServer(port: channel.channel.localAddress?.port ?? 0, responder: responder)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    try await channel.executeThenClose { inbound in
                        for try await connection in inbound {
                            connections.addTask { await server.serve(connection) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body(server)
        }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                case .body:
                    continue
                case .end:
                    guard let requestHead = head else { continue }
                    let reply = answer(requestHead)
                    var headers = HTTPHeaders(reply.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: "\(reply.body.utf8.count)")
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: reply.status, headers: headers)))
                    if !reply.body.isEmpty {
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(string: reply.body))))
                    }
                    try await outbound.write(.end(nil))
                }
            }
        }
    }

    private func answer(_ head: HTTPRequestHead) -> Reply {
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
