import Foundation

/// An item leased to a worker by `JobRepository.claim`, with what scoring it needs.
public struct ClaimedJobItem: Sendable, Equatable {
    public var key: JobItemKey
    public var text: String
    /// The job's model key (nil: the default model) and source label.
    public var model: String?
    public var source: String?
    /// Claims of this item so far, this one included.
    public var attempts: Int
    public var leaseExpiresAt: Date

    public init(key: JobItemKey, text: String, model: String?, source: String?, attempts: Int, leaseExpiresAt: Date) {
        self.key = key
        self.text = text
        self.model = model
        self.source = source
        self.attempts = attempts
        self.leaseExpiresAt = leaseExpiresAt
    }
}
