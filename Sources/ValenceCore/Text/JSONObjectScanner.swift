/// A strict JSON scanner for one JSONL record: checks that the bytes are exactly one JSON object and
/// returns its top-level members as byte ranges, so records can be passed through byte for byte.
public struct JSONObjectScanner {
    /// One `"key": value` of the top-level object.
    public struct Member: Sendable, Equatable {
        public var key: String
        /// From the key's opening quote to the value's last byte.
        public var range: Range<Int>
        public var valueRange: Range<Int>
    }

    public struct SyntaxError: Error, CustomStringConvertible {
        public var message: String
        /// Byte offset within the line.
        public var offset: Int
        public var description: String { "\(message) at column \(offset + 1)" }
    }

    private let bytes: ArraySlice<UInt8>
    private var index: Int
    private let maxDepth = 256

    private init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// The members of the object in `bytes` (indices are those of `bytes`), or a syntax error.
    public static func members(of bytes: ArraySlice<UInt8>) throws(SyntaxError) -> [Member] {
        var scanner = JSONObjectScanner(bytes)
        return try scanner.scanObjectRecord()
    }

    private mutating func scanObjectRecord() throws(SyntaxError) -> [Member] {
        try validateUTF8()
        skipWhitespace()
        guard peek() == UInt8(ascii: "{") else { throw error("expected a JSON object ('{')") }
        let members = try scanObject(depth: 0, collectMembers: true)
        skipWhitespace()
        guard index == bytes.endIndex else { throw error("unexpected text after the object") }
        return members
    }

    /// Scans an object from its '{'; returns its members when asked (the top level), else nothing.
    private mutating func scanObject(depth: Int, collectMembers: Bool) throws(SyntaxError) -> [Member] {
        index += 1
        var members: [Member] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipWhitespace()
            let start = index
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
            let keyRange = try scanString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipWhitespace()
            let valueStart = index
            try scanValue(depth: depth + 1)
            if collectMembers {
                let key = try JSONStringDecoder.decode(bytes[keyRange], at: keyRange.lowerBound - bytes.startIndex)
                members.append(Member(key: key, range: start..<index, valueRange: valueStart..<index))
            }
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            if peek() == UInt8(ascii: "}") { index += 1; return members }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func scanValue(depth: Int) throws(SyntaxError) {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth)") }
        guard let byte = peek() else { throw error("unexpected end of line; a value is missing") }
        switch byte {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "{"):
            _ = try scanObject(depth: depth, collectMembers: false)
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") { index += 1; return }
            while true {
                skipWhitespace()
                try scanValue(depth: depth + 1)
                skipWhitespace()
                if peek() == UInt8(ascii: ",") { index += 1; continue }
                if peek() == UInt8(ascii: "]") { index += 1; return }
                throw error("expected ',' or ']'")
            }
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw error("unexpected character")
        }
    }

    /// Scans a string starting at its opening quote; returns the range of its contents (without quotes).
    private mutating func scanString() throws(SyntaxError) -> Range<Int> {
        index += 1
        let start = index
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let range = start..<index
                index += 1
                return range
            }
            if byte == UInt8(ascii: "\\") {
                try scanEscape()
                continue
            }
            if byte < 0x20 { throw error("control character in a string") }
            index += 1
        }
        throw error("unterminated string")
    }

    /// Checks one escape sequence (starting at the backslash) and steps over it.
    private mutating func scanEscape() throws(SyntaxError) {
        guard index + 1 < bytes.endIndex else { throw error("unterminated escape") }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            guard bytes.endIndex - index >= 6, bytes[index + 2..<index + 6].allSatisfy(\.isHexDigit) else {
                throw error("invalid \\u escape")
            }
            index += 6
        default:
            throw error("invalid escape")
        }
    }

    private func validateUTF8() throws(SyntaxError) {
        if bytes.allSatisfy({ $0 < 0x80 }) { return }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw SyntaxError(message: "the line is not valid UTF-8", offset: 0)
        }
    }

    private mutating func scanLiteral(_ literal: StaticString) throws(SyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.endIndex - index >= count else { throw error("invalid literal") }
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: count)
        for offset in 0..<count where bytes[index + offset] != text[offset] {
            throw error("invalid literal")
        }
        index += count
    }

    private mutating func scanNumber() throws(SyntaxError) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw error("invalid number") }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw error("invalid number") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw error("invalid number") }
            skipDigits()
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    private func peek() -> UInt8? {
        index < bytes.endIndex ? bytes[index] : nil
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, offset: min(index, bytes.endIndex) - bytes.startIndex)
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
