import Foundation

/// Measures the signals the alert rules look at.
public protocol AlertSignalSource: Sendable {
    /// The signals at `now`; `droppedRecords` is left 0 (the evaluation service fills it in).
    func measure(at now: Date) async throws -> AlertSignals
}
