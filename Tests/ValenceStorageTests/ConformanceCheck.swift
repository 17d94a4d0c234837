import SQLKit
import Testing
// TestDatabases uses `Logger.quiet` from the support target; this module imports it here.
import ValenceTestSupport

/// One named check of a repository conformance suite, run on a fresh migrated database of any driver.
struct ConformanceCheck: Sendable, CustomTestStringConvertible {
    var name: String
    var run: @Sendable (any SQLDatabase) async throws -> Void

    init(_ name: String, _ run: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.name = name
        self.run = run
    }

    var testDescription: String { name }
}
