/// Why a source could not be fetched or read. Its description is what the source's `last_error` shows.
public enum SourceFetchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The server answered with a status other than success (or 304 where asked for).
    case httpStatus(url: String, status: Int)
    /// The server redirected; redirects are not followed, since only configured URLs are fetched.
    case redirected(url: String, location: String?)
    /// The server kept answering 429 after every allowed retry.
    case rateLimited(url: String, attempts: Int)
    /// The body was larger than the configured limit.
    case tooLarge(url: String, limitBytes: Int)
    /// The connection failed or timed out.
    case transport(url: String, reason: String)
    /// A URL outside the source's configured base was about to be fetched, and was not.
    case outsideBase(url: String)
    /// The payload could not be read as what the source serves (JSON listing, RSS, Atom).
    case malformedPayload(url: String, reason: String)

    public var description: String {
        switch self {
        case .httpStatus(let url, let status):
            "\(url) answered HTTP \(status)"
        case .redirected(let url, let location):
            "\(url) redirected to \(location ?? "an unnamed location"); configure the final URL instead"
        case .rateLimited(let url, let attempts):
            "\(url) was still rate limited (HTTP 429) after \(attempts) attempts"
        case .tooLarge(let url, let limit):
            "\(url) sent more than \(limit) bytes"
        case .transport(let url, let reason):
            "\(url) could not be fetched: \(reason)"
        case .outsideBase(let url):
            "refused to fetch \(url): it is outside the configured source"
        case .malformedPayload(let url, let reason):
            "\(url) sent a malformed payload: \(reason)"
        }
    }
}
