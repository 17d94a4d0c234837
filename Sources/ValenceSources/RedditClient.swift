import Foundation
import Logging
import ValenceStorage

/// Reads a subreddit's new posts, and the comments of those posts, through Reddit's public JSON listing:
/// `{base}/r/{subreddit}/new.json?limit=100&after=…` and `{base}/comments/{id}.json`. Nothing outside `baseURL`
/// is ever requested, and redirects are not followed.
public struct RedditClient: Sendable {
    /// Reddit itself.
    public static let defaultBaseURL = URL(string: "https://www.reddit.com")!
    /// Bodies Reddit shows for comments and posts that are gone.
    private static let goneBodies: Set<String> = ["[deleted]", "[removed]"]

    public let baseURL: URL
    /// The most listing pages one poll reads, however many posts are new.
    public let maximumPages: Int
    private let http: SourceHTTPClient
    private let logger: Logger

    public init(http: SourceHTTPClient, baseURL: URL = RedditClient.defaultBaseURL, maximumPages: Int = 5, logger: Logger) {
        self.http = http
        self.baseURL = baseURL
        self.maximumPages = max(1, maximumPages)
        self.logger = logger
    }

    /// The posts of `r/subreddit` newer than the newest already known, newest first, then — when
    /// `includeComments` — the comments of those posts, at most `limit` items in all. Pages are followed with
    /// `after` until a known post, the last page or `maximumPages`. `known` answers which ids are already stored.
    public func newItems(subreddit: String, sourceID: UUID, includeComments: Bool, limit: Int,
                         known: @Sendable ([String]) async throws -> Set<String>) async throws -> [SourceItem] {
        guard SourceConfiguration.isValidSubreddit(subreddit) else {
            throw SourceFetchError.outsideBase(url: "\(baseURL.absoluteString)/r/\(subreddit)")
        }
        var posts: [SourceItem] = []
        var after: String?
        pages: for _ in 0..<maximumPages {
            var query = [URLQueryItem(name: "limit", value: "100"), URLQueryItem(name: "raw_json", value: "1")]
            if let after { query.append(URLQueryItem(name: "after", value: after)) }
            let url = try endpoint("r/\(subreddit)/new.json", query: query)
            let listing = try decode(RedditListing.self, from: try await http.get(url).body, url: url)
            let pagePosts = listing.data.children.filter { $0.kind == "t3" }.compactMap { post(from: $0.data, sourceID: sourceID) }
            let alreadyKnown = try await known(pagePosts.map(\.externalID))
            for post in pagePosts {
                if alreadyKnown.contains(post.externalID) || posts.count >= limit { break pages }
                posts.append(post)
            }
            guard let next = listing.data.after, !next.isEmpty, posts.count < limit else { break }
            after = next
        }
        guard includeComments else { return posts }
        var items = posts
        for post in posts where items.count < limit {
            let comments = try await self.comments(ofPost: post, sourceID: sourceID)
            let knownComments = try await known(comments.map(\.externalID))
            items += comments.filter { !knownComments.contains($0.externalID) }.prefix(limit - items.count)
        }
        return items
    }

    /// Every comment under a post, replies flattened depth-first, deleted and removed ones left out.
    func comments(ofPost post: SourceItem, sourceID: UUID) async throws -> [SourceItem] {
        let id = post.externalID.hasPrefix("t3_") ? String(post.externalID.dropFirst(3)) : post.externalID
        let url = try endpoint("comments/\(id).json", query: [URLQueryItem(name: "raw_json", value: "1")])
        let listings = try decode([RedditListing].self, from: try await http.get(url).body, url: url)
        guard listings.count >= 2 else {
            throw SourceFetchError.malformedPayload(url: url.absoluteString, reason: "expected the post and its comment listing")
        }
        var comments: [SourceItem] = []
        func collect(_ listing: RedditListing) {
            for thing in listing.data.children where thing.kind == "t1" {
                if let comment = comment(from: thing.data, sourceID: sourceID) { comments.append(comment) }
                if let replies = thing.data.replies { collect(replies) }
            }
        }
        collect(listings[1])
        return comments
    }

    private func post(from fields: RedditThing.Fields, sourceID: UUID) -> SourceItem? {
        guard let name = fullname(fields, prefix: "t3_"), let title = fields.title else { return nil }
        let body = fields.selftext.flatMap { Self.goneBodies.contains($0) ? nil : $0 } ?? ""
        let text = body.isEmpty ? title : "\(title)\n\n\(body)"
        return SourceItem(sourceID: sourceID, externalID: name, kind: .post, text: text,
                          authorHash: authorHash(fields.author), createdAt: created(fields), link: link(fields.permalink))
    }

    private func comment(from fields: RedditThing.Fields, sourceID: UUID) -> SourceItem? {
        guard let name = fullname(fields, prefix: "t1_"), let body = fields.body, !body.isEmpty,
              !Self.goneBodies.contains(body)
        else { return nil }
        return SourceItem(sourceID: sourceID, externalID: name, kind: .comment, text: body,
                          authorHash: authorHash(fields.author), createdAt: created(fields), link: link(fields.permalink))
    }

    /// The thing's fullname (`t3_abc`), from `name` or from `id`; nil unless it is letters and digits, since the
    /// id goes into a URL path.
    private func fullname(_ fields: RedditThing.Fields, prefix: String) -> String? {
        let name = fields.name ?? fields.id.map { prefix + $0 }
        guard let name, name.hasPrefix(prefix), name.count > prefix.count,
              name.dropFirst(prefix.count).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        return name
    }

    private func authorHash(_ author: String?) -> String? {
        guard let author, !Self.goneBodies.contains(author) else { return nil }
        return SourceItem.authorHash(of: author)
    }

    private func created(_ fields: RedditThing.Fields) -> Date {
        fields.createdUTC.map(Date.init(timeIntervalSince1970:)) ?? Date()
    }

    private func link(_ permalink: String?) -> String? {
        guard let permalink, permalink.hasPrefix("/") else { return nil }
        return baseURL.absoluteString.trimmingSuffix("/") + permalink
    }

    /// `{base}/{path}?{query}`, refused unless it stays on the base's scheme, host, port and path.
    private func endpoint(_ path: String, query: [URLQueryItem]) throws -> URL {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            throw SourceFetchError.outsideBase(url: baseURL.absoluteString)
        }
        let basePath = components.path.trimmingSuffix("/")
        components.path = basePath + "/" + path
        components.queryItems = query
        guard let url = components.url, url.scheme == baseURL.scheme, url.host == baseURL.host, url.port == baseURL.port,
              url.path.hasPrefix(basePath + "/"), !url.path.contains("/../")
        else { throw SourceFetchError.outsideBase(url: "\(baseURL.absoluteString)/\(path)") }
        return url
    }

    private func decode<Payload: Decodable>(_ type: Payload.Type, from body: Data, url: URL) throws -> Payload {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw SourceFetchError.malformedPayload(url: url.absoluteString, reason: Self.summary(of: error))
        }
    }

    /// A one-line reason for a decoding failure, without the decoder's debug dump.
    private static func summary(of error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            "not valid JSON (\(context.debugDescription))"
        case DecodingError.keyNotFound(let key, let context):
            "missing '\(key.stringValue)' at \(path(context))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "unexpected value at \(path(context))"
        default:
            "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "the top level" : path
    }
}

extension String {
    /// The string without one trailing `suffix`, if it has one.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
