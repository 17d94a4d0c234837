import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// A HuggingFace-like hub on 127.0.0.1 (ephemeral port) serving `FakeRepository`s through the tree and
/// resolve endpoints, with knobs to cut a transfer, ignore ranges and redirect downloads elsewhere.
public final class FakeHub: Sendable {
    public struct State: Sendable {
        public var repositories: [String: FakeRepository] = [:]
        /// The next transfer of a file sends this many body bytes, then closes the connection.
        public var cutNextTransfer: [String: Int] = [:]
        /// The next transfer of a file sends this many body bytes, then stays silent for `stallDuration`.
        public var stallNextTransfer: [String: Int] = [:]
        public var ignoresRange = false
        /// Downloads of these files are redirected to the given base URL (same path).
        public var redirects: [String: String] = [:]
        public var requests: [RecordedRequest] = []
    }

    /// How long a stalled transfer stays silent before its connection is closed.
    public static let stallDuration: Duration = .seconds(20)

    public let port: Int
    public let state: NIOLockedValueBox<State>

    private init(port: Int, state: NIOLockedValueBox<State>) {
        self.port = port
        self.state = state
    }

    public var endpoint: URL { URL(string: "http://127.0.0.1:\(port)")! }

    public func add(_ repository: FakeRepository) {
        state.withLockedValue { $0.repositories["\(repository.repository)@\(repository.revision)"] = repository }
    }

    public var requests: [RecordedRequest] { state.withLockedValue { $0.requests } }

    /// Runs `body` with a started hub and stops it (and its connections) afterwards.
    @discardableResult
    public static func withRunning<Result: Sendable>(_ body: (FakeHub) async throws -> Result) async throws -> Result {
        let state = NIOLockedValueBox(State())
        return try await ScriptedHTTPServer.withRunning({ reply(to: $0, state: state) }) { port in
            try await body(FakeHub(port: port, state: state))
        }
    }

    private static func reply(to head: HTTPRequestHead, state: NIOLockedValueBox<State>) -> ScriptedHTTPServer.Reply {
        typealias Reply = ScriptedHTTPServer.Reply
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        return state.withLockedValue { state in
            state.requests.append(RecordedRequest(path: path, range: head.headers.first(name: "Range"),
                                                  authorization: head.headers.first(name: "Authorization")))
            if path.hasPrefix("/api/models/"), let tree = path.range(of: "/tree/", options: .backwards) {
                let key = "\(path[path.index(path.startIndex, offsetBy: 12)..<tree.lowerBound])@\(path[tree.upperBound...])"
                guard let repository = state.repositories[key] else { return Reply(status: .notFound) }
                return Reply(status: .ok, headers: [("Content-Type", "application/json")],
                             body: ArraySlice(repository.listingJSON()))
            }
            guard let resolve = path.range(of: "/resolve/") else { return Reply(status: .notFound) }
            let revisionAndFile = path[resolve.upperBound...].split(separator: "/", maxSplits: 1).map(String.init)
            guard revisionAndFile.count == 2,
                  let repository = state.repositories["\(path.dropFirst()[..<resolve.lowerBound])@\(revisionAndFile[0])"],
                  let content = repository.files[revisionAndFile[1]]
            else { return Reply(status: .notFound) }
            let file = revisionAndFile[1]
            if let target = state.redirects[file] {
                return Reply(status: .found, headers: [("Location", target + path + "?signature=abc")])
            }
            var reply = Reply(status: .ok, body: content[...])
            if !state.ignoresRange, let range = head.headers.first(name: "Range"), range.hasPrefix("bytes="),
               let start = Int(range.dropFirst(6).dropLast()), range.hasSuffix("-") {
                guard start < content.count else { return Reply(status: .rangeNotSatisfiable) }
                reply = Reply(status: .partialContent, headers: [("Content-Range", "bytes \(start)-\(content.count - 1)/\(content.count)")],
                              body: content[start...])
            }
            reply.cutAfter = state.cutNextTransfer.removeValue(forKey: file)
            if let stallAfter = state.stallNextTransfer.removeValue(forKey: file) {
                reply.cutAfter = stallAfter
                reply.stall = stallDuration
            }
            return reply
        }
    }
}
