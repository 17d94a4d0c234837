import Foundation

/// What one read of a ``DashboardSource`` produced: data, or the reason there is none.
public enum DashboardState: Sendable, Equatable {
    /// The source answered.
    case available(DashboardSnapshot)
    /// The source failed; the reason is shown in a banner.
    case unavailable(reason: String)

    /// Reads `source` once; a thrown error becomes ``unavailable(reason:)`` with the error's description.
    public static func load(from source: some DashboardSource) async -> DashboardState {
        do {
            return .available(try await source.snapshot())
        } catch {
            return .unavailable(reason: (error as? any LocalizedError)?.errorDescription ?? String(describing: error))
        }
    }
}
