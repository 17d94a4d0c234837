import Foundation

/// Parses `postgres://user:password@host:port/database?sslmode=MODE`. Errors never repeat the password.
enum PostgresURLParser {
    static func parse(_ url: String, fallbackPassword: String?) throws -> PostgresSettings {
        guard let components = URLComponents(string: url) else {
            throw DatabaseConfigurationError("the PostgreSQL URL is malformed; expected postgres://user:password@host:port/database (percent-encode special characters)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseConfigurationError("the PostgreSQL URL names no host")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseConfigurationError("the PostgreSQL URL names no user; expected postgres://user:password@\(host)/database")
        }
        guard let password = components.password.flatMap({ $0.isEmpty ? nil : $0 }) ?? fallbackPassword else {
            throw DatabaseConfigurationError("the PostgreSQL URL has no password and POSTGRES_PASSWORD is not set; there is no default password")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else {
            throw DatabaseConfigurationError("the PostgreSQL URL names no database; expected postgres://user:password@\(host)/database")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw DatabaseConfigurationError("the PostgreSQL URL's port \(port) is not a port number")
        }
        var tlsMode = PostgresTLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw DatabaseConfigurationError("unsupported PostgreSQL URL parameter '\(item.name)'; only sslmode is understood")
            }
            tlsMode = try PostgresTLSMode(sslmode: item.value ?? "")
        }
        return PostgresSettings(host: host, port: port, user: user, password: password,
                                database: database, tlsMode: tlsMode)
    }
}
