/// The scorer failed or answered the wrong number of prediction ids; the items are released for the next poll.
struct SourceScoringError: Error, CustomStringConvertible {
    var reason: String

    var description: String { "scoring failed: \(reason)" }
}
