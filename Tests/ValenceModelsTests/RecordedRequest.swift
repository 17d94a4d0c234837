/// A request the fake hub received.
struct RecordedRequest: Sendable, Equatable {
    var path: String
    var range: String?
    var authorization: String?
}
