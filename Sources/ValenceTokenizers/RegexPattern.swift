import Foundation

/// A regular expression of a `tokenizer.json` (`Split` and `Replace` patterns), matched on UTF-8.
///
/// The Rust crate uses Oniguruma; Foundation's ICU-based engine agrees with it on the classes and
/// constructs these files use. Matches are reported as UTF-8 byte ranges.
struct RegexPattern: @unchecked Sendable {
    // NSRegularExpression is immutable and documented as safe to use from several threads.
    private let regex: NSRegularExpression
    let source: String

    init(_ source: String, context: String) throws {
        do {
            regex = try NSRegularExpression(pattern: Self.translated(source), options: [])
        } catch {
            throw TokenizerError.invalidConfiguration("\(context): cannot compile regex \(source)")
        }
        self.source = source
    }

    /// Oniguruma's Unicode `\w`: alphabetic, marks, decimal digits, connector punctuation and the
    /// Latin-1 superscripts and fractions (ICU adds the joiners U+200C/U+200D instead).
    static let wordClass = #"\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u00B2\u00B3\u00B9\u00BC-\u00BE"#
    /// Oniguruma's `\s`: tab to carriage return, NEL and the separators (ICU leaves out VT and NEL).
    static let spaceClass = #"\t-\r\u0085\p{Z}"#

    /// Rewrites the Oniguruma constructs whose meaning differs in ICU: `\w`, `\W`, `\s`, `\S`, and
    /// the POSIX `[:punct:]`, which in Oniguruma is punctuation and symbols (`\p{P}\p{S}`).
    static func translated(_ source: String) -> String {
        let scalars = Array(source.unicodeScalars)
        var out = ""
        var depth = 0
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\\", i + 1 < scalars.count {
                let next = scalars[i + 1]
                switch next {
                case "w": out += depth > 0 ? wordClass : "[\(wordClass)]"
                case "W" where depth == 0: out += "[^\(wordClass)]"
                case "s": out += depth > 0 ? spaceClass : "[\(spaceClass)]"
                case "S" where depth == 0: out += "[^\(spaceClass)]"
                default:
                    out.unicodeScalars.append(c)
                    out.unicodeScalars.append(next)
                }
                i += 2
                continue
            }
            if c == "[" {
                if depth > 0, i + 1 < scalars.count, scalars[i + 1] == ":" {
                    // A POSIX class such as [:alpha:], copied through (punct rewritten).
                    var j = i + 2
                    while j + 1 < scalars.count && !(scalars[j] == ":" && scalars[j + 1] == "]") { j += 1 }
                    let name = String(String.UnicodeScalarView(scalars[(i + 2)..<min(j, scalars.count)]))
                    out += name == "punct" ? #"\p{P}\p{S}"# : "[:\(name):]"
                    i = j + 2
                    continue
                }
                depth += 1
                out.unicodeScalars.append(c)
                i += 1
                // A ']' right after '[' or '[^' is a literal.
                if i < scalars.count && scalars[i] == "^" {
                    out.unicodeScalars.append(scalars[i])
                    i += 1
                }
                if i < scalars.count && scalars[i] == "]" {
                    out += "\\]"
                    i += 1
                }
                continue
            }
            if c == "]" && depth > 0 { depth -= 1 }
            out.unicodeScalars.append(c)
            i += 1
        }
        return out
    }

    /// Non-overlapping matches, left to right, as byte ranges of `text`.
    func matches(in text: [UInt8]) -> [Range<Int>] {
        if text.isEmpty { return [] }
        let string = UTF8.string(text)
        let utf16ToByte = Self.utf16ToByteOffsets(text)
        let found = regex.matches(in: string, options: [], range: NSRange(location: 0, length: string.utf16.count))
        return found.compactMap { match in
            let range = match.range
            guard range.location != NSNotFound else { return nil }
            return utf16ToByte[range.location]..<utf16ToByte[range.location + range.length]
        }
    }

    /// For each UTF-16 offset (scalar boundaries only matter), the UTF-8 byte offset.
    private static func utf16ToByteOffsets(_ text: [UInt8]) -> [Int] {
        var table: [Int] = []
        table.reserveCapacity(text.count + 1)
        text.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let (scalar, length) = UTF8.decode(bytes, at: i)
                table.append(i)
                if scalar >= 0x10000 { table.append(i) }
                i += length
            }
        }
        table.append(text.count)
        return table
    }
}
