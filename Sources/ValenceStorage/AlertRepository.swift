import Foundation
import ValenceCore

/// Storage of alerts and their lifecycle. At most one alert per rule and key is not resolved (active or
/// acknowledged) at a time; the database enforces it too (a partial unique index).
public protocol AlertRepository: Sendable {
    /// Raises a new active alert for the observation's rule and key, or — when one is already active or
    /// acknowledged — updates its severity, message, value, threshold and `lastSeen`, keeping its state.
    @discardableResult
    func raiseOrUpdate(_ observation: AlertObservation, at time: Date) async throws -> Alert
    /// Marks an active alert acknowledged. Acknowledging an acknowledged or resolved alert changes nothing and
    /// returns it as stored. An unknown id throws `ValenceError.notFound`.
    @discardableResult
    func acknowledge(id: UUID, at time: Date) async throws -> Alert
    /// Resolves the not-yet-resolved alert of this rule and key; returns it, or nil when there was none.
    @discardableResult
    func resolve(rule: String, key: String, at time: Date) async throws -> Alert?
    /// The alerts that are not resolved, newest first.
    func open() async throws -> [Alert]
    /// Every alert that is not resolved (newest first), then the `recentResolved` most recently resolved ones.
    func list(recentResolved: Int) async throws -> [Alert]
}
