import Foundation
import ValenceCore

/// Reads back a scores column written by `[LabelScore].jsonObjectText`: a flat JSON object of numbers (or null
/// for a non-finite value), keeping the label order that a dictionary would lose.
enum StoredScores {
    static func parse(_ text: String) throws -> [LabelScore] {
        var scanner = Scanner(bytes: Array(text.utf8))
        var scores: [LabelScore] = []
        try scanner.expect(UInt8(ascii: "{"))
        if scanner.skip(UInt8(ascii: "}")) { return try scanner.end(scores) }
        repeat {
            let label = try scanner.string()
            try scanner.expect(UInt8(ascii: ":"))
            scores.append(LabelScore(label: label, value: try scanner.number()))
        } while scanner.skip(UInt8(ascii: ","))
        try scanner.expect(UInt8(ascii: "}"))
        return try scanner.end(scores)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func expect(_ byte: UInt8) throws {
            guard skip(byte) else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        }

        func end(_ scores: [LabelScore]) throws -> [LabelScore] {
            var rest = self
            rest.skipSpace()
            guard rest.index == bytes.count else { throw failure("unexpected text after the object") }
            return scores
        }

        /// A JSON string; the label is decoded by JSONSerialization, which knows every escape.
        mutating func string() throws -> String {
            skipSpace()
            let start = index
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a label") }
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard index < bytes.count else { throw failure("unterminated label") }
            index += 1
            let literal = Data(bytes[start..<index])
            guard let label = try? JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String else {
                throw failure("malformed label")
            }
            return label
        }

        mutating func number() throws -> Double {
            skipSpace()
            let start = index
            while index < bytes.count, !"},: \t\r\n".utf8.contains(bytes[index]) { index += 1 }
            let token = String(decoding: bytes[start..<index], as: UTF8.self)
            if token == "null" { return .nan }
            guard let value = Double(token) else { throw failure("'\(token)' is not a number") }
            return value
        }

        func failure(_ reason: String) -> StoredValueError {
            StoredValueError(description: "stored scores '\(String(decoding: bytes, as: UTF8.self))': \(reason)")
        }
    }
}
