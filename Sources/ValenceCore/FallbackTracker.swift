import Foundation
import Synchronization

/// Why and how often answers came from the VADER fallback; reported by /status.
public final class FallbackTracker: Sendable {
    /// A snapshot for status reporting.
    public struct Snapshot: Sendable, Equatable, Codable {
        public var fallbackAnswers: Int
        /// The latest reason per model key.
        public var reasons: [String: String]
        public var lastFallbackAt: Date?
    }

    private let state = Mutex(Snapshot(fallbackAnswers: 0, reasons: [:], lastFallbackAt: nil))

    public init() {}

    /// Notes that `count` texts requested for `model` were answered by the fallback.
    public func noteFallback(model: String, reason: String, count: Int, at date: Date = Date()) {
        state.withLock {
            $0.fallbackAnswers += count
            $0.reasons[model] = reason
            $0.lastFallbackAt = date
        }
    }

    public var snapshot: Snapshot { state.withLock { $0 } }
}
