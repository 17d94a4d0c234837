import Foundation
import Testing
import ValenceDatabase

@Suite("Database configuration")
struct DatabaseConfigurationTests {
    let dataDirectory = URL(fileURLWithPath: "/data")

    private func resolve(_ url: String? = nil, _ environment: [String: String] = [:]) throws -> DatabaseConfiguration {
        try DatabaseConfiguration.resolve(url: url, environment: environment, dataDirectory: dataDirectory)
    }

    private func message(_ body: () throws -> DatabaseConfiguration) -> String? {
        do {
            _ = try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("nothing configured → SQLite in the data directory")
    func defaultSQLite() throws {
        #expect(try resolve() == .sqlite(path: "/data/valence.sqlite"))
    }

    @Test("sqlite URLs and bare paths")
    func sqliteForms() throws {
        #expect(try resolve("sqlite:/tmp/a.db") == .sqlite(path: "/tmp/a.db"))
        #expect(try resolve("sqlite:///tmp/a.db") == .sqlite(path: "/tmp/a.db"))
        #expect(try resolve(nil, ["DATABASE_URL": "b.db"]) == .sqlite(path: "b.db"))
        #expect(message { try resolve("sqlite:") }?.contains("names no SQLite file") == true)
    }

    @Test("postgres and postgresql URLs with sslmode and percent-encoded passwords")
    func postgresURLs() throws {
        #expect(try resolve("postgres://app:s3cret@db.internal:6543/valence?sslmode=disable") == .postgres(PostgresSettings(
            host: "db.internal", port: 6543, user: "app", password: "s3cret", database: "valence", tlsMode: .disable)))
        #expect(try resolve("postgresql://app:p%40ss%2Fword@127.0.0.1/analytics") == .postgres(PostgresSettings(
            host: "127.0.0.1", user: "app", password: "p@ss/word", database: "analytics", tlsMode: .prefer)))
        #expect(try resolve("postgres://app:x@h/db?sslmode=verify-full") == .postgres(PostgresSettings(
            host: "h", user: "app", password: "x", database: "db", tlsMode: .require)))
    }

    @Test("the flag overrides DATABASE_URL")
    func flagWins() throws {
        #expect(try resolve("sqlite:/a.db", ["DATABASE_URL": "postgres://u:p@h/d"]) == .sqlite(path: "/a.db"))
    }

    @Test("a URL without a password takes POSTGRES_PASSWORD, else fails clearly")
    func missingPassword() throws {
        #expect(try resolve("postgres://app@h/db", ["POSTGRES_PASSWORD": "fromenv"])
                == .postgres(PostgresSettings(host: "h", user: "app", password: "fromenv", database: "db")))
        #expect(message { try resolve("postgres://app@h/db") }?.contains("no password") == true)
        #expect(message { try resolve("postgres://app:@h/db") }?.contains("no default password") == true)
    }

    @Test("malformed PostgreSQL URLs name what is missing")
    func malformed() {
        #expect(message { try resolve("postgres://app:pw@h") }?.contains("names no database") == true)
        #expect(message { try resolve("postgres://:pw@h/db") }?.contains("names no user") == true)
        #expect(message { try resolve("postgres://app:pw@h/db?sslmode=sometimes") }?.contains("unknown sslmode") == true)
        #expect(message { try resolve("postgres://app:pw@h/db?timeout=3") }?.contains("unsupported PostgreSQL URL parameter 'timeout'") == true)
        #expect(message { try resolve("mysql://app:pw@h/db") }?.contains("unsupported database URL scheme 'mysql'") == true)
        #expect(message { try resolve("postgres://app:pw@h/db?sslmode=sometimes") }?.contains("pw") == false)
    }

    @Test("POSTGRES_* variables select PostgreSQL; the password is required")
    func environmentVariables() throws {
        let environment = ["POSTGRES_HOST": "pg", "POSTGRES_DB": "analytics", "POSTGRES_USER": "app", "POSTGRES_PASSWORD": "pw"]
        #expect(try resolve(nil, environment) == .postgres(PostgresSettings(host: "pg", user: "app", password: "pw", database: "analytics")))
        #expect(try resolve(nil, ["POSTGRES_HOST": "pg", "POSTGRES_PASSWORD": "pw", "POSTGRES_PORT": "6000"])
                == .postgres(PostgresSettings(host: "pg", port: 6000, user: "valence", password: "pw", database: "valence")))
        #expect(message { try resolve(nil, ["POSTGRES_HOST": "pg"]) }?.contains("POSTGRES_PASSWORD is not") == true)
        #expect(message { try resolve(nil, ["POSTGRES_HOST": "pg", "POSTGRES_PASSWORD": "pw", "POSTGRES_PORT": "x"]) }?
            .contains("POSTGRES_PORT 'x'") == true)
    }

    @Test("descriptions redact the password")
    func redacted() throws {
        let configuration = try resolve("postgres://app:topsecret@h:5433/db?sslmode=disable")
        #expect(configuration.description == "postgres://app:***@h:5433/db?sslmode=disable")
        #expect(!"\(configuration)".contains("topsecret"))
        #expect(!String(reflecting: configuration).contains("topsecret"))
    }
}
