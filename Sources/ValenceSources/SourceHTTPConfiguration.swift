import ValenceCore

/// How the source fetchers talk HTTP: who they say they are, how long they wait, how far they back off.
public struct SourceHTTPConfiguration: Sendable, Equatable {
    /// Sent with every request; Reddit asks for a descriptive one with a contact.
    public var userAgent: String
    public var connectTimeout: Duration
    /// The longest one request (headers and body) may take.
    public var requestTimeout: Duration
    /// Larger bodies fail the poll.
    public var maximumBodyBytes: Int
    /// How many times a request answered 429 is sent again before the poll fails.
    public var maximumRateLimitRetries: Int
    /// The longest single wait for `Retry-After`, `X-Ratelimit-Reset` or backoff; longer asks are capped.
    public var maximumBackoff: Duration
    /// The first wait after a 429 without `Retry-After`; it doubles per retry, up to `maximumBackoff`.
    public var initialBackoff: Duration

    public init(userAgent: String = SourceHTTPConfiguration.userAgent(contact: "contact not configured"),
                connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(30),
                maximumBodyBytes: Int = 8 << 20, maximumRateLimitRetries: Int = 3, maximumBackoff: Duration = .seconds(60),
                initialBackoff: Duration = .seconds(2)) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumRateLimitRetries = maximumRateLimitRetries
        self.maximumBackoff = maximumBackoff
        self.initialBackoff = initialBackoff
    }

    /// `valence/<version> (sentiment research; +<contact>)`, the User-Agent format Reddit's rules ask for.
    public static func userAgent(contact: String) -> String {
        "valence/\(ValenceVersion.current) (sentiment research; +\(contact))"
    }
}
