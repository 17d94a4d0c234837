import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ValenceCore

/// Talks to the hub: lists a revision's files and streams single files into the cache, resuming
/// partial downloads with `Range` and verifying size and SHA-256 before a file takes its final name.
///
/// Redirects are followed here, not by the HTTP client, so the token goes only to the hub's own origin.
/// Owns an `HTTPClient`: call `shutdown()` when done.
public final class HubDownloader: Sendable {
    /// The most redirects followed for one request.
    public static let maximumRedirects = 5
    private static let maximumListingBytes = 16 << 20
    private static let redirectStatuses: Set<UInt> = [301, 302, 303, 307, 308]

    public let configuration: HubConfiguration
    private let client: HTTPClient
    private let logger: Logger

    /// A downloader with its own HTTP client (automatic redirects off, connect and read timeouts set).
    public init(configuration: HubConfiguration, logger: Logger) {
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.redirectConfiguration = .disallow
        clientConfiguration.timeout = .init(
            connect: TimeAmount(configuration.connectTimeout),
            read: TimeAmount(configuration.readTimeout)
        )
        self.configuration = configuration
        self.client = HTTPClient(configuration: clientConfiguration, backgroundActivityLogger: logger)
        self.logger = logger
    }

    /// Closes the HTTP client's connections.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// The top-level entries of `repository` at `revision`; names are validated before any request.
    public func listFiles(repository: String, revision: String) async throws -> [HubFileEntry] {
        try HubNames.validateRepository(repository)
        try HubNames.validateRevision(revision)
        let url = try endpointURL(appending: "api/models/\(repository)/tree/\(revision)")
        let response = try await get(url, rangeStart: nil)
        switch response.status.code {
        case 200:
            break
        case 404:
            throw HubError.notFound(repository: repository, revision: revision)
        case 401, 403:
            throw HubError.accessDenied(repository: repository, status: Int(response.status.code))
        default:
            throw HubError.unexpectedStatus(url: Self.redacted(url), status: Int(response.status.code))
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: Self.maximumListingBytes)
        } catch {
            throw HubError.invalidListing(repository: repository, reason: "unreadable or larger than 16 MiB (\(error))")
        }
        do {
            return try JSONDecoder().decode([HubFileEntry].self, from: Data(body.readableBytesView))
        } catch {
            throw HubError.invalidListing(repository: repository, reason: "not a JSON array of tree entries")
        }
    }

    /// Downloads one file to `destination`, resuming a `*.incomplete` file left by an earlier attempt.
    /// `progress` receives the file's bytes on disk as they grow.
    func download(
        _ file: HubFile, repository: String, revision: String, to destination: URL,
        progress: (Int64) -> Void
    ) async throws {
        let partial = try PartialFile(finalURL: destination, hashing: file.sha256 != nil)
        if partial.length > file.size {
            try partial.restart()
        }
        let url = try endpointURL(appending: "\(repository)/resolve/\(revision)/\(file.path)")
        var attempts = 0
        while partial.length < file.size {
            attempts += 1
            let outcome = try await transfer(file, from: url, into: partial, repository: repository,
                                             revision: revision, progress: progress)
            if outcome == .restartFromFirstByte, attempts < 2 {
                try partial.restart()
            } else if outcome == .restartFromFirstByte {
                throw HubError.transferInterrupted(file: file.path, receivedBytes: partial.length,
                                                   expectedBytes: file.size, reason: "the hub rejected every byte range")
            }
        }
        try verify(partial, against: file)
        try partial.commit()
    }

    private enum TransferOutcome {
        case streamed
        case restartFromFirstByte
    }

    private func transfer(
        _ file: HubFile, from url: URL, into partial: PartialFile, repository: String, revision: String,
        progress: (Int64) -> Void
    ) async throws -> TransferOutcome {
        let rangeStart = partial.length > 0 ? partial.length : nil
        let response = try await get(url, rangeStart: rangeStart)
        switch response.status.code {
        case 206 where rangeStart != nil:
            guard Self.contentRangeStart(response.headers.first(name: "Content-Range")) == rangeStart else {
                await Self.drain(response)
                return .restartFromFirstByte
            }
            logger.debug("resuming download", metadata: ["download.file": "\(file.path)", "download.offset": "\(partial.length)"])
        case 200:
            if rangeStart != nil {
                logger.debug("the hub ignored the range; restarting", metadata: ["download.file": "\(file.path)"])
                try partial.restart()
            }
        case 416 where rangeStart != nil:
            await Self.drain(response)
            return .restartFromFirstByte
        case 404:
            throw HubError.fileNotFound(repository: repository, revision: revision, file: file.path)
        case 401, 403:
            throw HubError.accessDenied(repository: repository, status: Int(response.status.code))
        default:
            throw HubError.unexpectedStatus(url: Self.redacted(url), status: Int(response.status.code))
        }
        do {
            for try await chunk in response.body {
                let received = partial.length + Int64(chunk.readableBytes)
                guard received <= file.size else {
                    partial.discard()
                    throw HubError.sizeMismatch(file: file.path, expected: file.size, actual: received)
                }
                try chunk.withUnsafeReadableBytes { try partial.append($0) }
                progress(partial.length)
            }
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError.transferInterrupted(file: file.path, receivedBytes: partial.length,
                                               expectedBytes: file.size, reason: "\(error)")
        }
        guard partial.length == file.size else {
            throw HubError.transferInterrupted(file: file.path, receivedBytes: partial.length,
                                               expectedBytes: file.size, reason: "the response ended early")
        }
        return .streamed
    }

    private func verify(_ partial: PartialFile, against file: HubFile) throws {
        guard partial.length == file.size else {
            partial.discard()
            throw HubError.sizeMismatch(file: file.path, expected: file.size, actual: partial.length)
        }
        guard let expected = file.sha256 else { return }
        let actual = partial.sha256Hex()
        guard actual == expected else {
            partial.discard()
            throw HubError.checksumMismatch(file: file.path, expected: expected, actual: actual)
        }
    }

    /// GET with manual redirects: `Authorization` is attached to each hop only when it targets the hub's origin.
    private func get(_ url: URL, rangeStart: Int64?) async throws -> HTTPClientResponse {
        var current = url
        for _ in 0...Self.maximumRedirects {
            var request = HTTPClientRequest(url: current.absoluteString)
            request.headers.add(name: "User-Agent", value: "valence/\(ValenceVersion.current)")
            if let rangeStart {
                request.headers.add(name: "Range", value: "bytes=\(rangeStart)-")
            }
            if let token = configuration.token, configuration.isHubOrigin(current) {
                request.headers.add(name: "Authorization", value: "Bearer \(token)")
            }
            let response: HTTPClientResponse
            do {
                let headDeadline = configuration.connectTimeout + configuration.readTimeout
                response = try await client.execute(request, deadline: .now() + TimeAmount(headDeadline), logger: logger)
            } catch {
                throw HubError.requestFailed(url: Self.redacted(current), reason: "\(error)")
            }
            guard Self.redirectStatuses.contains(response.status.code) else { return response }
            guard let location = response.headers.first(name: "Location"),
                  let next = URL(string: location, relativeTo: current)?.absoluteURL,
                  let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  next.host?.isEmpty == false
            else {
                throw HubError.invalidRedirect(url: Self.redacted(current), reason: "no usable http(s) Location")
            }
            await Self.drain(response)
            logger.debug("following redirect", metadata: ["http.from": "\(Self.redacted(current))", "http.to": "\(Self.redacted(next))"])
            current = next
        }
        throw HubError.invalidRedirect(url: Self.redacted(url), reason: "more than \(Self.maximumRedirects) redirects")
    }

    private func endpointURL(appending path: String) throws -> URL {
        var base = configuration.endpoint.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        // Every component was validated to [A-Za-z0-9._-], so the URL needs no escaping.
        guard let url = URL(string: base + "/" + path) else {
            throw HubError.invalidEndpoint(configuration.endpoint.absoluteString)
        }
        return url
    }

    /// The URL without query or fragment: signed CDN URLs must not end up in logs or error messages.
    private static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return "(unprintable URL)" }
        components.query = nil
        components.fragment = nil
        components.user = nil
        components.password = nil
        return components.string ?? "(unprintable URL)"
    }

    /// The first byte position of a `Content-Range: bytes START-END/TOTAL` header.
    private static func contentRangeStart(_ header: String?) -> Int64? {
        guard let header, header.lowercased().hasPrefix("bytes ") else { return nil }
        let range = header.dropFirst("bytes ".count)
        guard let dash = range.firstIndex(of: "-") else { return nil }
        return Int64(range[..<dash].trimmingCharacters(in: .whitespaces))
    }

    /// Reads and drops a small body (redirects, errors) so the connection can be reused or closed cleanly.
    private static func drain(_ response: HTTPClientResponse) async {
        _ = try? await response.body.collect(upTo: 1 << 16)
    }
}
