import Foundation
import ValenceResilience

/// One stored circuit-breaker transition (DESIGN.md section 4: every transition is counted, logged and stored).
public struct BreakerEvent: Sendable, Equatable {
    /// The idempotency key: recording the same id twice stores it once.
    public var id: UUID
    public var occurredAt: Date
    /// Which breaker: `overall`, or a model-service replica URL.
    public var scope: String
    public var from: CircuitState
    public var to: CircuitState
    /// Why the breaker moved: `failures`, `probe succeeded`, `probe failed`, `timeout`, `reset`.
    public var reason: String

    public init(id: UUID = UUID(), occurredAt: Date, scope: String, from: CircuitState, to: CircuitState, reason: String) {
        self.id = id
        self.occurredAt = occurredAt
        self.scope = scope
        self.from = from
        self.to = to
        self.reason = reason
    }
}
