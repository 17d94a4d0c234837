/// The few pieces of Python `str` semantics that vaderSentiment depends on, over UTF-8 bytes.
enum PythonText {
    /// `str.isspace()` for one code point (CPython: bidi class WS, B, S or category Zs).
    /// Note U+200B ZERO WIDTH SPACE and U+FEFF are *not* whitespace for Python.
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Byte length of the Python-whitespace character starting at `index`, or 0 if there is none.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 {
            return (lead >= 0x09 && lead <= 0x0D) || (lead >= 0x1C && lead <= 0x20) ? 1 : 0
        }
        let end = bytes.count
        switch lead {
        case 0xC2:  // U+0085, U+00A0
            guard index + 1 < end else { return 0 }
            let next = bytes[index + 1]
            return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1, 0xE2, 0xE3:
            guard index + 2 < end else { return 0 }
            let value = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            return isWhitespace(value) ? 3 : 0
        default:
            return 0
        }
    }

    /// Membership in Python's `string.punctuation`: ``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``.
    @inline(__always)
    static func isPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40)
            || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }

    /// Python's `str.strip()` (no argument) on a sequence of scalars.
    static func strip(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isWhitespace(scalars[lower].value) { lower += 1 }
        while upper > lower, isWhitespace(scalars[upper - 1].value) { upper -= 1 }
        return scalars[lower..<upper]
    }

    /// Python's `float(text)` for the ASCII spellings it accepts (surrounding whitespace, sign,
    /// digits with single underscores between them, fraction, exponent, `inf`, `infinity`, `nan`).
    /// Returns `nil` where Python would raise `ValueError` (and for non-ASCII digits, unsupported).
    static func parseFloat(_ scalars: ArraySlice<Unicode.Scalar>) -> Double? {
        let body = strip(scalars)
        guard !body.isEmpty, body.allSatisfy(\.isASCII) else { return nil }
        var text = String(String.UnicodeScalarView(body))
        var unsigned = Substring(text)
        if let first = unsigned.first, first == "+" || first == "-" { unsigned = unsigned.dropFirst() }
        switch unsigned.lowercased() {
        case "inf", "infinity", "nan":
            return Double(text)
        default:
            break
        }
        guard isDecimalLiteral(unsigned) else { return nil }
        text.removeAll { $0 == "_" }
        return Double(text)
    }

    /// `digitpart ["." [digitpart]] [exponent] | "." digitpart [exponent]`, underscores only
    /// between digits.
    private static func isDecimalLiteral(_ text: Substring) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digitPart() -> Bool {
            guard let first = bytes.first, (0x30...0x39).contains(first) else { return false }
            bytes = bytes.dropFirst()
            while let next = bytes.first {
                if (0x30...0x39).contains(next) {
                    bytes = bytes.dropFirst()
                } else if next == UInt8(ascii: "_"), bytes.count > 1,
                          (0x30...0x39).contains(bytes[bytes.startIndex + 1]) {
                    bytes = bytes.dropFirst(2)
                } else {
                    break
                }
            }
            return true
        }
        let hasInteger = digitPart()
        var hasFraction = false
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            hasFraction = digitPart()
        }
        guard hasInteger || hasFraction else { return false }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            guard digitPart() else { return false }
        }
        return bytes.isEmpty
    }
}
