import Logging

extension DatabaseConfiguration {
    /// Opens and migrates the configured database (what `valence migrate` and every server do at start).
    public func open(logger: Logger) async throws -> any ManagedDatabase {
        switch self {
        case .sqlite(let path):
            try await SQLiteDatabaseService.open(path: path, logger: logger)
        case .postgres(let settings):
            try await PostgresDatabaseService.open(settings: settings, logger: logger)
        }
    }
}
