import Foundation
import ValenceStorage

/// What the evaluator decided for one rule and key.
public enum AlertAction: Sendable, Equatable {
    /// The condition holds and no alert is open for its rule and key: raise a new active alert.
    case raise(AlertObservation)
    /// The condition still holds for an open (active or acknowledged) alert: refresh it, keeping its state.
    case update(alertID: UUID, AlertObservation)
    /// The condition of an open alert no longer holds (or its rule is disabled): resolve it.
    case resolve(alertID: UUID, rule: String, key: String)
}
