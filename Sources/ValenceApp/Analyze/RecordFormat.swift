import ValenceCore

/// The record formats `valence analyze` reads and writes (output keeps the input's format).
public enum RecordFormat: String, Sendable, CaseIterable {
    case jsonl
    case csv

    /// The format named by a file's extension: `.csv` → csv, anything else (and stdin) → jsonl.
    public static func inferred(fromPath path: String?) -> RecordFormat {
        guard let path, path != "-" else { return .jsonl }
        return path.lowercased().hasSuffix(".csv") ? .csv : .jsonl
    }
}

/// One input record: its text and what is needed to write it back unchanged.
struct InputRecord {
    enum Payload {
        /// The JSON line and its top-level members.
        case json(line: ArraySlice<UInt8>, members: [JSONObjectScanner.Member])
        /// The CSV fields, in header order.
        case csv(fields: [String])
    }

    /// The line the record starts on (1-based).
    var line: Int
    var text: String
    var payload: Payload
}

/// A record that cannot be used. `fatal` errors (the stream itself is broken) stop even with --skip-bad.
struct RecordError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var fatal = false
    var description: String { "line \(line): \(message)" }
}
