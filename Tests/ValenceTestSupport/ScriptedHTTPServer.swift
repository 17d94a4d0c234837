import NIOCore
import NIOHTTP1
import NIOPosix

/// An HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests that stand in for a remote service: every request
/// (its head; bodies are ignored) is answered by a script, which may also cut or stall the transfer.
public enum ScriptedHTTPServer {
    /// One answer of the script.
    public struct Reply: Sendable {
        public var status: HTTPResponseStatus
        public var headers: [(String, String)]
        public var body: ArraySlice<UInt8>
        /// Send only this many body bytes, then close the connection.
        public var cutAfter: Int?
        /// Stay silent this long after the bytes sent, then close the connection.
        public var stall: Duration?

        public init(status: HTTPResponseStatus = .ok, headers: [(String, String)] = [], body: ArraySlice<UInt8> = [],
                    cutAfter: Int? = nil, stall: Duration? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.cutAfter = cutAfter
            self.stall = stall
        }

        public init(status: HTTPResponseStatus = .ok, headers: [(String, String)] = [], text: String) {
            self.init(status: status, headers: headers, body: ArraySlice(Array(text.utf8)))
        }
    }

    public typealias Script = @Sendable (HTTPRequestHead) -> Reply

    /// Runs `body` with the server's port while the server answers with `script`; then closes it and its
    /// connections.
    public static func withRunning<Result: Sendable>(_ script: @escaping Script,
                                                     _ body: (_ port: Int) async throws -> Result) async throws -> Result {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    try await server.executeThenClose { inbound in
                        for try await connection in inbound {
                            connections.addTask { await serve(connection, script) }
                        }
                    }
                }
            }
            defer { group.cancelAll() }
            return try await body(server.channel.localAddress?.port ?? 0)
        }
    }

    private static func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, _ script: Script) async {
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
                    let reply = script(requestHead)
                    var headers = HTTPHeaders(reply.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: "\(reply.body.count)")
                    try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: reply.status, headers: headers)))
                    let sent = reply.cutAfter.map { reply.body.prefix($0) } ?? reply.body
                    if !sent.isEmpty {
                        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: sent))))
                    }
                    if let stall = reply.stall { try await Task.sleep(for: stall) }
                    if reply.cutAfter != nil || reply.stall != nil { return }
                    try await outbound.write(.end(nil))
                }
            }
        }
    }
}
