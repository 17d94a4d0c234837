import Foundation
import ValenceCore

extension StoredValue {
    static func jobState(_ text: String, id: String) throws -> JobState {
        try rawValue(text, of: "job \(id)", field: "state")
    }

    static func jobItemState(_ text: String, id: String) throws -> JobItemState {
        try rawValue(text, of: "job item \(id)", field: "state")
    }

    static func inputFormat(_ text: String, id: String) throws -> JobInputFormat {
        try rawValue(text, of: "job \(id)", field: "input format")
    }
}

extension StoredValue {
    /// A list of names as stored: a JSON array of strings.
    static func namesText(_ names: [String]) -> String {
        "[" + names.map(JSONText.quoted).joined(separator: ",") + "]"
    }

    static func names(_ text: String, id: String) throws -> [String] {
        guard let names = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String] else {
            throw StoredValueError(description: "job \(id) has malformed input columns '\(text)'")
        }
        return names
    }
}
