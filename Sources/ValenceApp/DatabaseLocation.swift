import Foundation

/// Which database a process uses, parsed from `--database-url` / DATABASE_URL.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)

    /// `sqlite:PATH`, `sqlite://PATH` or a bare file path; nil `url` → `valence.sqlite` in the data directory.
    public static func parse(_ url: String?, dataDirectory: URL) throws -> DatabaseLocation {
        guard let url, !url.isEmpty else {
            return .sqlite(path: dataDirectory.appendingPathComponent("valence.sqlite").path)
        }
        for prefix in ["sqlite://", "sqlite:"] where url.hasPrefix(prefix) {
            let path = String(url.dropFirst(prefix.count))
            guard !path.isEmpty else { throw ConfigurationError("database URL '\(url)' names no file") }
            return .sqlite(path: path)
        }
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            throw ConfigurationError("PostgreSQL is not supported by this build yet; use sqlite:PATH (or omit the URL for the embedded default)")
        }
        if !url.contains("://") { return .sqlite(path: url) }
        throw ConfigurationError("unsupported database URL '\(url)'; expected sqlite:PATH")
    }
}
