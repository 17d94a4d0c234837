/// A model call that a healthy service declined (the model is not ready there, or it is overloaded): the text is
/// answered by the fallback, but the circuit breaker does not count it as a failure.
public struct ModelDeclined: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
