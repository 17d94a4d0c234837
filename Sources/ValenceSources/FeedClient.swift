import Foundation
import ValenceStorage

/// Fetches RSS 2.0 and Atom feeds — exactly the configured URL, no redirects — with a conditional GET
/// (`If-None-Match` / `If-Modified-Since`) when the last fetch left validators.
public struct FeedClient: Sendable {
    private let http: SourceHTTPClient

    public init(http: SourceHTTPClient) {
        self.http = http
    }

    /// The entries of the feed at `url` not yet known (`known` answers which ids are stored), at most `limit`.
    public func newItems(url: String, sourceID: UUID, validators: HTTPValidators, limit: Int,
                         known: @Sendable ([String]) async throws -> Set<String>) async throws -> SourceFetch {
        guard SourceConfiguration.isValidFeedURL(url), let target = URL(string: url) else {
            throw SourceFetchError.outsideBase(url: url)
        }
        var headers: [(String, String)] = [("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")]
        if let etag = validators.etag { headers.append(("If-None-Match", etag)) }
        if let lastModified = validators.lastModified { headers.append(("If-Modified-Since", lastModified)) }
        let response = try await http.get(target, headers: headers, acceptNotModified: true)
        if response.notModified {
            return SourceFetch(items: [], validators: validators, notModified: true)
        }
        let entries = try FeedDocument.items(from: response.body, url: url, sourceID: sourceID, fetchedAt: Date())
        let knownIDs = try await known(entries.map(\.externalID))
        let fresh = entries.filter { !knownIDs.contains($0.externalID) }.prefix(limit)
        let next = HTTPValidators(etag: response.headers["etag"], lastModified: response.headers["last-modified"])
        return SourceFetch(items: Array(fresh), validators: next, notModified: false)
    }
}
