import Foundation
import ValenceResilience

/// Parses stored text columns back into domain values; a value no version of Valence writes is a
/// `StoredValueError` (a server fault, answered as a bare 500 at the edge).
enum StoredValue {
    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw StoredValueError(description: "stored id '\(text)' is not a UUID") }
        return id
    }

    /// The enum case stored as `text` in `field` of the row `owner` names (e.g. "alert 42", "state").
    static func rawValue<Value: RawRepresentable>(_ text: String, of owner: String, field: String) throws -> Value
        where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw StoredValueError(description: "\(owner) has unknown \(field) '\(text)'")
        }
        return value
    }

    static func circuitState(_ text: String, id: String) throws -> CircuitState {
        try rawValue(text, of: "breaker event \(id)", field: "state")
    }

    static func alertState(_ text: String, id: String) throws -> AlertState {
        try rawValue(text, of: "alert \(id)", field: "state")
    }

    static func severity(_ text: String, id: String) throws -> AlertSeverity {
        try rawValue(text, of: "alert \(id)", field: "severity")
    }
}

/// A stored row holds a value that cannot be read back.
public struct StoredValueError: Error, CustomStringConvertible, Equatable {
    public var description: String
}
