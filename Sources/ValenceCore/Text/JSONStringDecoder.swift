/// Decodes the contents of a JSON string literal (between the quotes): escapes, surrogate pairs, UTF-8 checks.
public enum JSONStringDecoder {
    /// The string whose literal contents are `bytes`; `offset` places errors within the line.
    public static func decode(_ bytes: ArraySlice<UInt8>, at offset: Int) throws(JSONObjectScanner.SyntaxError) -> String {
        if !bytes.contains(UInt8(ascii: "\\")) {
            // Plain ASCII (the common case) needs no validation.
            if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            guard let string = String(validating: bytes, as: UTF8.self) else {
                throw .init(message: "invalid UTF-8 in a string", offset: offset)
            }
            return string
        }
        // Escapes are decoded into UTF-8 bytes; the result is validated once at the end.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        func fail(_ message: String) -> JSONObjectScanner.SyntaxError {
            .init(message: message, offset: offset + index - bytes.startIndex)
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.endIndex else { throw fail("unterminated escape") }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                guard let high = hex4(bytes, at: index) else { throw fail("invalid \\u escape") }
                index += 4
                let scalar: Unicode.Scalar?
                if (0xD800...0xDBFF).contains(high) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard index + 1 < bytes.endIndex, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                          let low = hex4(bytes, at: index + 2), (0xDC00...0xDFFF).contains(low) else {
                        throw fail("unpaired surrogate in \\u escape")
                    }
                    index += 6
                    scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    scalar = Unicode.Scalar(high)
                }
                guard let scalar else { throw fail("unpaired surrogate in \\u escape") }
                utf8.append(contentsOf: UTF8.encode(scalar)!)
            default:
                throw fail("invalid escape")
            }
        }
        guard let string = String(validating: utf8, as: UTF8.self) else {
            throw .init(message: "invalid UTF-8 in a string", offset: offset)
        }
        return string
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
