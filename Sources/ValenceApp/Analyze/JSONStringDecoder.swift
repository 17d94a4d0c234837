/// Decodes the contents of a JSON string literal (between the quotes): escapes, surrogate pairs, UTF-8 checks.
enum JSONStringDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(JSONObjectScanner.SyntaxError) -> String {
        if !bytes.contains(UInt8(ascii: "\\")) {
            // Plain ASCII (the common case) needs no validation.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            guard let string = String(validating: bytes, as: UTF8.self) else {
                throw .init(message: "invalid UTF-8 in a string", offset: offset)
            }
            return string
        }
        var scalars = String.UnicodeScalarView()
        var utf8Run: [UInt8] = []
        var index = bytes.startIndex
        func flushRun() throws(JSONObjectScanner.SyntaxError) {
            guard !utf8Run.isEmpty else { return }
            guard let string = String(validating: utf8Run, as: UTF8.self) else {
                throw .init(message: "invalid UTF-8 in a string", offset: offset)
            }
            scalars.append(contentsOf: string.unicodeScalars)
            utf8Run.removeAll(keepingCapacity: true)
        }
        func fail(_ message: String) -> JSONObjectScanner.SyntaxError {
            .init(message: message, offset: offset + index - bytes.startIndex)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8Run.append(byte)
                index += 1
                continue
            }
            try flushRun()
            guard index + 1 < bytes.endIndex else { throw fail("unterminated escape") }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                guard let high = hex4(bytes, at: index) else { throw fail("invalid \\u escape") }
                index += 4
                if (0xD800...0xDBFF).contains(high) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                          let low = hex4(bytes, at: index + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    index += 6
                    scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!)
                } else if let scalar = Unicode.Scalar(high) {
                    scalars.append(scalar)
                } else {
                    throw fail("unpaired surrogate in \\u escape")
                }
            default:
                throw fail("invalid escape")
            }
        }
        try flushRun()
        return String(scalars)
    }

    private static func hex4(_ bytes: ArraySlice<UInt8>, at start: Int) -> UInt32? {
        guard bytes.endIndex - start >= 4 else { return nil }
        var value: UInt32 = 0
        for byte in bytes[start..<start + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
