import Foundation

/// Writes CSV fields, quoting those that need it (comma, quote, CR, LF, or surrounding spaces).
enum CSVWriter {
    static func line(_ fields: [String]) -> String {
        fields.map(quoteIfNeeded).joined(separator: ",") + "\n"
    }

    static func quoteIfNeeded(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
