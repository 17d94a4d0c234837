/// The scorer answered a chunk with a different number of results than texts.
struct ScorerResultCountError: Error, CustomStringConvertible {
    var texts: Int
    var results: Int

    var description: String { "the scorer returned \(results) results for \(texts) texts" }
}
