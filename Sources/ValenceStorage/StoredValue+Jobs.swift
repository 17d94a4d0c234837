import Foundation

extension StoredValue {
    static func jobState(_ text: String, id: String) throws -> JobState {
        guard let state = JobState(rawValue: text) else {
            throw StoredValueError(description: "job \(id) has unknown state '\(text)'")
        }
        return state
    }

    static func jobItemState(_ text: String, id: String) throws -> JobItemState {
        guard let state = JobItemState(rawValue: text) else {
            throw StoredValueError(description: "job item \(id) has unknown state '\(text)'")
        }
        return state
    }

    static func inputFormat(_ text: String, id: String) throws -> JobInputFormat {
        guard let format = JobInputFormat(rawValue: text) else {
            throw StoredValueError(description: "job \(id) has unknown input format '\(text)'")
        }
        return format
    }
}
