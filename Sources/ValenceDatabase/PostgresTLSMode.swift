/// `sslmode` of a PostgreSQL URL, as libpq names it.
public enum PostgresTLSMode: String, Sendable, Equatable {
    /// Plain TCP.
    case disable
    /// TLS when the server offers it (libpq's default).
    case prefer
    /// TLS or fail.
    case require

    /// Parses `sslmode` values; libpq's `allow` means prefer and `verify-ca`/`verify-full` demand TLS.
    init(sslmode: String) throws {
        switch sslmode.lowercased() {
        case "disable": self = .disable
        case "allow", "prefer": self = .prefer
        case "require", "verify-ca", "verify-full": self = .require
        default: throw DatabaseConfigurationError("unknown sslmode '\(sslmode)'; use disable, prefer or require")
        }
    }
}
