import Foundation

/// Storage of circuit-breaker transitions.
public protocol BreakerEventRepository: Sendable {
    /// Stores a transition; an event whose id is already stored is skipped (idempotent).
    func record(_ event: BreakerEvent) async throws
    /// The newest transitions first, at most `limit` of them, optionally of one scope only.
    func recent(limit: Int, scope: String?) async throws -> [BreakerEvent]
    /// The number of activations (transitions to open) with `from <= occurredAt < to`, optionally of one scope only.
    func activations(from: Date, to: Date, scope: String?) async throws -> Int
}
