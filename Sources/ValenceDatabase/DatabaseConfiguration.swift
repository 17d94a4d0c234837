import Foundation

/// Which database a process uses (DESIGN.md section 10): `DATABASE_URL` (or `--database-url`), else the
/// POSTGRES_* variables, else the embedded SQLite file in the data directory.
public enum DatabaseConfiguration: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresSettings)

    /// Resolves the configuration. `url` (a flag) overrides DATABASE_URL. Without a URL, POSTGRES_HOST selects
    /// PostgreSQL with POSTGRES_PORT (5432), POSTGRES_DB and POSTGRES_USER (both `valence`) and POSTGRES_PASSWORD
    /// (required). A PostgreSQL URL without a password takes POSTGRES_PASSWORD. Otherwise `valence.sqlite` in
    /// `dataDirectory`.
    public static func resolve(url: String?, environment: [String: String], dataDirectory: URL) throws -> DatabaseConfiguration {
        let password = environment["POSTGRES_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if let url = url ?? environment["DATABASE_URL"], !url.isEmpty {
            return try parse(url: url, fallbackPassword: password)
        }
        guard let host = environment["POSTGRES_HOST"], !host.isEmpty else {
            return .sqlite(path: dataDirectory.appendingPathComponent("valence.sqlite").path)
        }
        guard let password else {
            throw DatabaseConfigurationError("POSTGRES_HOST is set but POSTGRES_PASSWORD is not; there is no default password")
        }
        var port = 5432
        if let text = environment["POSTGRES_PORT"], !text.isEmpty {
            guard let value = Int(text), (1...65_535).contains(value) else {
                throw DatabaseConfigurationError("POSTGRES_PORT '\(text)' is not a port number")
            }
            port = value
        }
        return .postgres(PostgresSettings(
            host: host, port: port, user: nonEmpty(environment["POSTGRES_USER"]) ?? "valence", password: password,
            database: nonEmpty(environment["POSTGRES_DB"]) ?? "valence"
        ))
    }

    /// Parses `sqlite:PATH`, `sqlite://PATH`, a bare file path, or `postgres://user:password@host:port/db?sslmode=MODE`
    /// (also `postgresql://`). `fallbackPassword` serves a PostgreSQL URL that names none.
    public static func parse(url: String, fallbackPassword: String? = nil) throws -> DatabaseConfiguration {
        for prefix in ["sqlite://", "sqlite:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { throw DatabaseConfigurationError("database URL '\(url)' names no SQLite file") }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return .postgres(try PostgresURLParser.parse(url, fallbackPassword: fallbackPassword))
        }
        if !url.contains("://") { return .sqlite(path: url) }
        let scheme = url.prefix { $0 != ":" }
        throw DatabaseConfigurationError("unsupported database URL scheme '\(scheme)'; use postgres://, postgresql:// or sqlite:PATH")
    }

    /// `sqlite` or `postgres`, for status reports.
    public var driverName: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }

    /// The configuration with any password redacted.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let settings): settings.description
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        value.flatMap { $0.isEmpty ? nil : $0 }
    }
}
