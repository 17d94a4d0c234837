/// Small, exact JSON text builders for hot paths that write JSON by hand.
public enum JSONText {
    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quoted(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON number: the shortest text that reads back as the same Double; non-finite values become null.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return "\(value)"
    }

    /// A JSON number for a Float, written with Float precision.
    public static func number(_ value: Float) -> String {
        guard value.isFinite else { return "null" }
        return "\(value)"
    }
}

extension JSONText {
    /// A JSON array of Float numbers.
    public static func array(_ values: [Float]) -> String {
        "[" + values.map { number($0) }.joined(separator: ",") + "]"
    }
}
