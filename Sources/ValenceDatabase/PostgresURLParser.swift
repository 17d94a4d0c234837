import Foundation

/// Parses `postgres://user:password@host:port/database?sslmode=MODE&search_path=SCHEMA`. Errors never repeat the
/// password.
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
        var schema: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                tlsMode = try PostgresTLSMode(sslmode: item.value ?? "")
            case "search_path":
                let name = item.value ?? ""
                guard !name.isEmpty, name.count <= 63,
                      name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    throw DatabaseConfigurationError("search_path must be one schema name of letters, digits and '_'")
                }
                schema = name
            default:
                throw DatabaseConfigurationError("unsupported PostgreSQL URL parameter '\(item.name)'; sslmode and search_path are understood")
            }
        }
        return PostgresSettings(host: host, port: port, user: user, password: password,
                                database: database, tlsMode: tlsMode, schema: schema)
    }
}
