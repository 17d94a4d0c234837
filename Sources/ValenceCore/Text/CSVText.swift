/// Writes CSV fields (RFC 4180), quoting those that need it (comma, quote, CR, LF, or surrounding spaces).
public enum CSVText {
    /// One record: the fields joined by commas, ending in a newline.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoteIfNeeded).joined(separator: ",") + "\n"
    }

    /// `field`, quoted (inner quotes doubled) when a reader would otherwise split or trim it.
    public static func quoteIfNeeded(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
