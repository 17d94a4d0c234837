import SQLKit

/// The databases whose SQL differs in the few places the storage layer cares about.
enum SQLDialectFamily {
    case postgres
    case sqlite

    init(_ database: any SQLDatabase) {
        self = database.dialect.name == "postgresql" ? .postgres : .sqlite
    }

    /// The largest integer not above `value`, as an integer. SQLite is built without its math functions,
    /// so its floor is a truncating cast corrected by one for negative non-integers.
    func floorToInteger(_ value: SQLQueryString) -> SQLQueryString {
        switch self {
        case .postgres:
            "CAST(floor(\(value)) AS BIGINT)"
        case .sqlite:
            "(CAST(\(value) AS INTEGER) - ((\(value)) < CAST(\(value) AS INTEGER)))"
        }
    }
}
