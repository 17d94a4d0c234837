import Foundation
import ValenceCore

/// A stored live source: its configuration and how its polling goes.
public struct Source: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var configuration: SourceConfiguration
    public var state: SourceState
    /// Why the last poll failed; nil while the source is `ok`.
    public var lastError: String?
    /// When the source was last polled, successfully or not; nil before its first poll.
    public var lastPolledAt: Date?
    /// The feed's validators from the last successful fetch, for a conditional GET.
    public var validators: HTTPValidators
    public var createdAt: Date

    public init(id: UUID, configuration: SourceConfiguration, state: SourceState = .ok, lastError: String? = nil,
                lastPolledAt: Date? = nil, validators: HTTPValidators = .none, createdAt: Date) {
        self.id = id
        self.configuration = configuration
        self.state = state
        self.lastError = lastError
        self.lastPolledAt = lastPolledAt
        self.validators = validators
        self.createdAt = createdAt
    }

    /// When the source is next due: at once before its first poll, then one interval after the last poll.
    public var nextPollAt: Date? {
        guard let lastPolledAt else { return nil }
        return lastPolledAt.addingTimeInterval(configuration.pollInterval.inMilliseconds / 1_000)
    }

    /// Whether an enabled source should be polled at `time`.
    public func isDue(at time: Date) -> Bool {
        guard configuration.enabled else { return false }
        guard let nextPollAt else { return true }
        return nextPollAt <= time
    }
}
