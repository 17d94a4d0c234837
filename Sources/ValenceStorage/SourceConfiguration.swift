import Foundation
import ValenceCore

/// What an admin (POST /sources) or the configuration declares about a live source.
/// `validate()` checks it before it is stored; the repository stores only valid configurations.
public struct SourceConfiguration: Sendable, Equatable {
    /// The shortest poll interval accepted.
    public static let minimumPollInterval: Duration = .seconds(5)
    /// The most items one poll may hand to scoring.
    public static let maximumItemsPerPoll = 1_000

    public var kind: SourceKind
    /// A unique, human-readable name; predictions from this source carry it as their `source`.
    public var name: String
    /// The subreddit's name without `r/` (Reddit sources only).
    public var subreddit: String?
    /// The feed's http(s) URL (feed sources only).
    public var feedURL: String?
    /// How often the source is polled.
    public var pollInterval: Duration
    /// Whether the comments of new Reddit posts are fetched too (ignored for feeds).
    public var includeComments: Bool
    /// The most new items one poll scores; the rest wait for the next poll.
    public var maxItemsPerPoll: Int
    /// Whether the source is polled at all.
    public var enabled: Bool

    public init(kind: SourceKind, name: String, subreddit: String? = nil, feedURL: String? = nil,
                pollInterval: Duration = .seconds(300), includeComments: Bool = true, maxItemsPerPoll: Int = 100,
                enabled: Bool = true) {
        self.kind = kind
        self.name = name
        self.subreddit = subreddit
        self.feedURL = feedURL
        self.pollInterval = pollInterval
        self.includeComments = includeComments
        self.maxItemsPerPoll = maxItemsPerPoll
        self.enabled = enabled
    }

    /// A Reddit source for `r/subreddit`.
    public static func reddit(name: String, subreddit: String, pollInterval: Duration = .seconds(300),
                              includeComments: Bool = true, maxItemsPerPoll: Int = 100) -> SourceConfiguration {
        SourceConfiguration(kind: .reddit, name: name, subreddit: subreddit, pollInterval: pollInterval,
                            includeComments: includeComments, maxItemsPerPoll: maxItemsPerPoll)
    }

    /// An RSS or Atom feed source.
    public static func feed(name: String, url: String, pollInterval: Duration = .seconds(300),
                            maxItemsPerPoll: Int = 100) -> SourceConfiguration {
        SourceConfiguration(kind: .feed, name: name, feedURL: url, pollInterval: pollInterval, includeComments: false,
                            maxItemsPerPoll: maxItemsPerPoll)
    }

    /// Throws `ValenceError.invalidInput` naming the first problem: an empty or over-long name, a subreddit
    /// outside `[A-Za-z0-9_]{2,21}`, a feed URL that is not absolute http(s), the target of the other kind set,
    /// an interval under `minimumPollInterval`, or an item limit outside 1…`maximumItemsPerPoll`.
    public func validate() throws {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed == name, name.count <= 100 else {
            throw ValenceError.invalidInput("a source name must be 1–100 characters without surrounding spaces")
        }
        switch kind {
        case .reddit:
            guard let subreddit, Self.isValidSubreddit(subreddit) else {
                throw ValenceError.invalidInput("a Reddit source needs a subreddit name of 2–21 letters, digits or underscores")
            }
            guard feedURL == nil else { throw ValenceError.invalidInput("a Reddit source has no feed URL") }
        case .feed:
            guard let feedURL, Self.isValidFeedURL(feedURL) else {
                throw ValenceError.invalidInput("a feed source needs an absolute http or https URL")
            }
            guard subreddit == nil else { throw ValenceError.invalidInput("a feed source has no subreddit") }
        }
        guard pollInterval >= Self.minimumPollInterval else {
            throw ValenceError.invalidInput("the poll interval must be at least \(Self.minimumPollInterval)")
        }
        guard (1...Self.maximumItemsPerPoll).contains(maxItemsPerPoll) else {
            throw ValenceError.invalidInput("items per poll must be between 1 and \(Self.maximumItemsPerPoll)")
        }
    }

    /// Whether `name` is a subreddit name: 2–21 ASCII letters, digits or underscores.
    public static func isValidSubreddit(_ name: String) -> Bool {
        (2...21).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }

    /// Whether `text` is an absolute http(s) URL with a host and no credentials.
    public static func isValidFeedURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { return false }
        return components.user == nil && components.password == nil
    }
}
