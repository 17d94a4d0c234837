/// A model's forward pass returned a different number of results than it was given texts.
struct BatchResultCountMismatch: Error, CustomStringConvertible {
    let model: String
    let expected: Int
    let actual: Int

    var description: String {
        "model '\(model)' returned \(actual) results for a batch of \(expected) texts"
    }
}
