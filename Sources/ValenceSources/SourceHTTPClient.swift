import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// The HTTP side of the source fetchers: GET with the configured User-Agent, no automatic redirects (only
/// configured URLs are fetched), bounded bodies, `Retry-After` on 429 and `X-Ratelimit-*` pacing per server,
/// with every wait capped. Owns an `HTTPClient`: call `shutdown()` when done.
public final class SourceHTTPClient: Sendable {
    public let configuration: SourceHTTPConfiguration
    private let client: HTTPClient
    private let pacer = RateLimitPacer()
    private let logger: Logger

    public init(configuration: SourceHTTPConfiguration = SourceHTTPConfiguration(), logger: Logger) {
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.redirectConfiguration = .disallow
        clientConfiguration.timeout = .init(connect: .nanoseconds(Self.nanoseconds(configuration.connectTimeout)),
                                            read: .nanoseconds(Self.nanoseconds(configuration.requestTimeout)))
        self.configuration = configuration
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration,
                                 backgroundActivityLogger: logger)
        self.logger = logger
    }

    /// Closes the HTTP client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// GETs `url`, answering a 2xx (or, when `acceptNotModified`, a 304) response; throws `SourceFetchError`
    /// for anything else, after retrying 429s as allowed.
    func get(_ url: URL, headers: [(String, String)] = [], acceptNotModified: Bool = false) async throws -> SourceHTTPResponse {
        let server = "\(url.host ?? ""):\(url.port ?? -1)"
        var backoff = configuration.initialBackoff
        var attempt = 0
        while true {
            attempt += 1
            try await pacer.waitForTurn(server)
            let response = try await send(url, headers: headers)
            let values = Dictionary(response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
            if let pause = RateLimitPacer.headerPause(remaining: values["x-ratelimit-remaining"],
                                                      reset: values["x-ratelimit-reset"], maximum: configuration.maximumBackoff) {
                logger.info("source server asks for a pause", metadata: ["source.server": "\(server)", "pause": "\(pause)"])
                pacer.pause(server, for: pause)
            }
            let status = Int(response.status.code)
            if (200..<300).contains(status) || (status == 304 && acceptNotModified) {
                return SourceHTTPResponse(status: status, headers: values, body: try await readBody(of: response, url: url))
            }
            switch status {
            case 429:
                await discardBody(of: response)
                guard attempt <= configuration.maximumRateLimitRetries else {
                    throw SourceFetchError.rateLimited(url: url.absoluteString, attempts: attempt)
                }
                let wait = RateLimitPacer.retryAfter(values["retry-after"], maximum: configuration.maximumBackoff) ?? backoff
                backoff = min(backoff * 2, configuration.maximumBackoff)
                logger.warning("source server rate limited a request; waiting",
                               metadata: ["source.url": "\(url.absoluteString)", "wait": "\(wait)", "attempt": "\(attempt)"])
                pacer.pause(server, for: wait)
            case 300..<400:
                await discardBody(of: response)
                throw SourceFetchError.redirected(url: url.absoluteString, location: values["location"])
            default:
                await discardBody(of: response)
                throw SourceFetchError.httpStatus(url: url.absoluteString, status: status)
            }
        }
    }

    private func send(_ url: URL, headers: [(String, String)]) async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        do {
            return try await client.execute(request, timeout: .nanoseconds(Self.nanoseconds(configuration.requestTimeout)),
                                            logger: logger)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw SourceFetchError.transport(url: url.absoluteString, reason: "\(error)")
        }
    }

    private func readBody(of response: HTTPClientResponse, url: URL) async throws -> Data {
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: configuration.maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw SourceFetchError.tooLarge(url: url.absoluteString, limitBytes: configuration.maximumBodyBytes)
        } catch {
            throw SourceFetchError.transport(url: url.absoluteString, reason: "\(error)")
        }
        return Data(buffer.readableBytesView)
    }

    /// Reads and drops an unwanted body so the connection can be reused; a failure only costs the connection.
    private func discardBody(of response: HTTPClientResponse) async {
        _ = try? await response.body.collect(upTo: 64 << 10)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
