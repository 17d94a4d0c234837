/// Domain errors. No HTTP here: the edge maps each case to a status exactly once.
public enum ValenceError: Error, Equatable, Sendable {
    /// The request is well-formed JSON but a field is missing or of the wrong type.
    case invalidInput(String)
    /// The request body is not parseable (e.g. malformed JSON).
    case malformedRequest(String)
    /// No catalog entry or registered folder knows this model key.
    case unknownModel(String)
    /// No such resource (job, alert …).
    case notFound(String)
    /// The body or batch is larger than allowed.
    case tooLarge(String)
    /// Admission is full; retry after the given number of seconds.
    case overloaded(retryAfterSeconds: Int)
    /// The service is not ready to answer (e.g. the database is unreachable).
    case notReady(String)
    /// The caller lacks the API key a management endpoint requires.
    case unauthorized
}

extension ValenceError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidInput(let message), .malformedRequest(let message), .notFound(let message),
             .tooLarge(let message), .notReady(let message):
            message
        case .unknownModel(let key):
            "no model is known by the key '\(key)' (see `valence models list`)"
        case .overloaded(let seconds):
            "the service is overloaded; retry after \(seconds) s"
        case .unauthorized:
            "a valid API key is required"
        }
    }
}
