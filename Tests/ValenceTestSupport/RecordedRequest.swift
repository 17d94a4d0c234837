/// A request the fake hub received.
public struct RecordedRequest: Sendable, Equatable {
    public var path: String
    public var range: String?
    public var authorization: String?

    public init(path: String, range: String?, authorization: String?) {
        self.path = path
        self.range = range
        self.authorization = authorization
    }
}
