import Foundation
import Testing
import ValenceDatabaseTestSupport

@Suite("PostgreSQL availability")
struct PostgresAvailabilityTests {
    @Test("CI runs the conformance suite on PostgreSQL")
    func requiredInCI() {
        let environment = ProcessInfo.processInfo.environment
        if environment["CI"] != nil && TestDatabase.postgresURL == nil {
            Issue.record("""
                CI is set but VALENCE_TEST_POSTGRES_URL is not: the PostgreSQL half of the conformance suite did not run. \
                Start a server first, e.g. eval "$(scripts/ci-postgres.sh start)".
                """)
        }
    }
}
