import ValenceCore

/// Sorts scoring errors into transient (retry the items later) and permanent (fail them now).
enum ScoringFailure {
    /// Overload, a model not ready yet, and any error from outside the domain (network, database) may pass;
    /// an unknown model or invalid input will fail the same way on every attempt.
    static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? ValenceError else { return true }
        switch error {
        case .unknownModel, .invalidInput, .malformedRequest, .tooLarge, .notFound, .unauthorized:
            return false
        default:
            return true
        }
    }
}
