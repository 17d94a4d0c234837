import Foundation
import ValenceCore

/// Runs a repository call for a route: domain errors pass (404, 422 …); any other failure means the database is
/// away and becomes a 503.
func databaseCall<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as ValenceError {
        throw error
    } catch {
        throw ValenceError.notReady("the database is unavailable: \(error)")
    }
}

/// The UUID in a route's `:id` parameter; anything else names no stored `kind` (404).
func resourceID(_ text: String?, of kind: String) throws -> UUID {
    guard let text, let id = UUID(uuidString: text) else { throw ValenceError.notFound("no \(kind) with id '\(text ?? "")'") }
    return id
}
