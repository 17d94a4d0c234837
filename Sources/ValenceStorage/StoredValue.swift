import Foundation
import ValenceResilience

/// Parses stored text columns back into domain values; a value no version of Valence writes is a
/// `StoredValueError` (a server fault, answered as a bare 500 at the edge).
enum StoredValue {
    static func uuid(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw StoredValueError(description: "stored id '\(text)' is not a UUID") }
        return id
    }

    static func circuitState(_ text: String, id: String) throws -> CircuitState {
        guard let state = CircuitState(rawValue: text) else {
            throw StoredValueError(description: "breaker event \(id) has unknown state '\(text)'")
        }
        return state
    }

    static func alertState(_ text: String, id: String) throws -> AlertState {
        guard let state = AlertState(rawValue: text) else {
            throw StoredValueError(description: "alert \(id) has unknown state '\(text)'")
        }
        return state
    }

    static func severity(_ text: String, id: String) throws -> AlertSeverity {
        guard let severity = AlertSeverity(rawValue: text) else {
            throw StoredValueError(description: "alert \(id) has unknown severity '\(text)'")
        }
        return severity
    }
}

/// A stored row holds a value that cannot be read back.
public struct StoredValueError: Error, CustomStringConvertible, Equatable {
    public var description: String
}
