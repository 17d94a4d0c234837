/// The state machine of a batch job: queued → running (first claim) → succeeded / failed (all items settled),
/// and queued or running → cancelled. Each event returns the new state or throws for an illegal transition;
/// `SQLJobRepository` applies the same rules as conditional updates, so concurrent processes agree.
public struct JobLifecycle: Sendable, Equatable {
    public private(set) var state: JobState

    public init(state: JobState = .queued) {
        self.state = state
    }

    /// A worker claimed items: a queued job starts running; a running job stays running.
    @discardableResult
    public mutating func claim() throws(JobTransitionError) -> JobState {
        switch state {
        case .queued, .running: state = .running
        case .succeeded, .failed, .cancelled: throw JobTransitionError(event: "be claimed", state: state)
        }
        return state
    }

    /// Every item is done or failed: the job succeeds when none failed, else fails. A sealed job without items
    /// settles straight from queued.
    @discardableResult
    public mutating func settle(failedItems: Int) throws(JobTransitionError) -> JobState {
        switch state {
        case .queued, .running: state = failedItems > 0 ? .failed : .succeeded
        case .succeeded, .failed, .cancelled: throw JobTransitionError(event: "settle", state: state)
        }
        return state
    }

    /// A client cancels: an unfinished job is cancelled; cancelling a cancelled job again changes nothing.
    @discardableResult
    public mutating func cancel() throws(JobTransitionError) -> JobState {
        switch state {
        case .queued, .running, .cancelled: state = .cancelled
        case .succeeded, .failed: throw JobTransitionError(event: "be cancelled", state: state)
        }
        return state
    }

    /// More items arrive (an upload in progress): only a queued job accepts them.
    public func acceptItems() throws(JobTransitionError) {
        guard state == .queued else { throw JobTransitionError(event: "accept items", state: state) }
    }
}
