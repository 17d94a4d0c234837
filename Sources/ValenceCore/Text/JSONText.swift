/// Small, exact JSON text builders for hot paths that write JSON by hand.
public enum JSONText {
    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func quoted(_ string: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string` as a JSON string literal.
    public static func appendQuoted(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = string.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: utf8)  // nothing to escape: the common case
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON number: the shortest text that reads back as the same Double; non-finite values become null.
    public static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a JSON number as `number(_:)` writes it. Values with at most four decimals (VADER's rounded scores,
    /// percentages) take a fast path that writes the digits directly: exactly k / 10^4 as a double means the
    /// trimmed decimal reads back as `value` and is the shortest (doubles below 1e9 are spaced far closer than
    /// 1e-4), i.e. the same text as `description`.
    public static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        if value != 0, abs(value) < 1e9 {
            let scaled = (value * 10_000).rounded()
            if scaled / 10_000 == value {
                appendFewDecimals(Int(scaled), to: &bytes)
                return
            }
        }
        bytes.append(contentsOf: "\(value)".utf8)
    }

    /// `units / 10^4` with trailing zeros trimmed to at least one decimal, e.g. 9571 → `0.9571`, 5000 → `0.5`.
    private static func appendFewDecimals(_ units: Int, to bytes: inout [UInt8]) {
        if units < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = abs(units)
        appendDigits(magnitude / 10_000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        var fraction = magnitude % 10_000
        var digits = 4
        while digits > 1, fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    private static func appendDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDigits(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// A JSON number for a Float, written with Float precision.
    public static func number(_ value: Float) -> String {
        guard value.isFinite else { return "null" }
        return "\(value)"
    }
}
