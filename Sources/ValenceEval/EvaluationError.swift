/// Why an evaluation could not run.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The batch size is not positive.
    case invalidBatchSize(Int)
    /// There are no examples to classify.
    case noExamples
    /// No example has a gold label or a rating, so there is nothing to compare predictions with.
    case nothingToCompare
    /// The model returned a different number of classifications than it was given texts.
    case resultCountMismatch(model: String, expected: Int, received: Int)

    public var description: String {
        switch self {
        case .invalidBatchSize(let size):
            "the batch size must be at least 1 (got \(size))"
        case .noExamples:
            "the data set has no examples"
        case .nothingToCompare:
            "no example has a gold label or a rating to compare predictions with"
        case .resultCountMismatch(let model, let expected, let received):
            "the model '\(model)' returned \(received) classifications for \(expected) texts"
        }
    }
}
