/// A job event that is not allowed in the job's current state.
public struct JobTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was attempted, e.g. `cancel`.
    public var event: String
    /// The state it was attempted in.
    public var state: JobState

    public init(event: String, state: JobState) {
        self.event = event
        self.state = state
    }

    public var description: String { "a \(state.rawValue) job cannot \(event)" }
}
