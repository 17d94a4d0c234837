/// How a request to a model ended, as the request counter labels it.
public enum RequestOutcome: String, Sendable, Codable, CaseIterable {
    case ok
    /// The model or its input failed.
    case error
    /// Rejected at once because the queue was full (HTTP 429).
    case overloaded
    /// Waited in the queue past its timeout.
    case timeout
    /// The caller went away while it waited.
    case cancelled
    /// The model shut down while it waited.
    case shutdown
}
