import Foundation

/// The PostgreSQL server tests may use: VALENCE_TEST_POSTGRES_URL (scripts/ci-postgres.sh prints it).
enum TestPostgresServer {
    static var url: String? {
        ProcessInfo.processInfo.environment["VALENCE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
