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
