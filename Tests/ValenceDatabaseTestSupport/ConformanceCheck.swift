import SQLKit
import Testing
// TestDatabases uses `Logger.quiet` from the support target; this module imports it here.
import ValenceTestSupport

/// One named check of a repository conformance suite, run on a fresh migrated database of any driver.
public struct ConformanceCheck: Sendable, CustomTestStringConvertible {
    public var name: String
    public var run: @Sendable (any SQLDatabase) async throws -> Void

    public init(_ name: String, _ run: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.name = name
        self.run = run
    }

    public var testDescription: String { name }
}
