/// `Replace`: replaces every occurrence of a literal string or regex with `content`.
struct ReplaceNormalizer: TextNormalizer {
    enum Pattern: Sendable {
        case literal([UInt8])
        /// A regex of the form `c{n,}` or `c+` (e.g. XLM-R's `" {2,}"`), matched without a regex engine.
        case run([UInt8], minimum: Int)
        case regex(RegexPattern)
    }

    let pattern: Pattern
    let content: [UInt8]

    init(json: JSONObject) throws {
        let patternJSON = try json.object("pattern")
        if let literal = patternJSON.optionalString("String") {
            pattern = .literal(Array(literal.utf8))
        } else if let regex = patternJSON.optionalString("Regex") {
            if let (unit, minimum) = Self.repeatedCharacter(regex) {
                pattern = .run(unit, minimum: minimum)
            } else {
                pattern = .regex(try RegexPattern(regex, context: json.context))
            }
        } else {
            throw TokenizerError.invalidField(component: json.context, field: "pattern")
        }
        content = Array(try json.string("content").utf8)
    }

    func normalize(_ text: [UInt8]) -> [UInt8] {
        let ranges: [Range<Int>]
        switch pattern {
        case .literal(let needle): ranges = LiteralMatcher.matches(of: needle, in: text)
        case .run(let unit, let minimum): ranges = Self.runs(of: unit, minimum: minimum, in: text)
        case .regex(let regex): ranges = regex.matches(in: text)
        }
        if ranges.isEmpty { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var last = 0
        for range in ranges {
            out.append(contentsOf: text[last..<range.lowerBound])
            out.append(contentsOf: content)
            last = range.upperBound
        }
        out.append(contentsOf: text[last...])
        return out
    }
}

extension ReplaceNormalizer {
    /// Recognises `c{n,}` and `c+` where `c` is one literal character (or an escaped one).
    static func repeatedCharacter(_ regex: String) -> ([UInt8], Int)? {
        var scalars = Array(regex.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        var literal = scalars.removeFirst()
        if literal == "\\" {
            guard let escaped = scalars.first, !escaped.properties.isAlphabetic, !("0"..."9").contains(escaped) else { return nil }
            literal = scalars.removeFirst()
        } else if "\\^$.|?*+()[]{}".unicodeScalars.contains(literal) {
            return nil
        }
        let rest = String(String.UnicodeScalarView(scalars))
        let minimum: Int
        if rest == "+" {
            minimum = 1
        } else if rest.hasPrefix("{"), rest.hasSuffix(",}"), let n = Int(rest.dropFirst().dropLast(2)), n >= 1 {
            minimum = n
        } else {
            return nil
        }
        return (Array(String(Character(literal)).utf8), minimum)
    }

    /// Maximal runs of `unit` repeated at least `minimum` times.
    static func runs(of unit: [UInt8], minimum: Int, in text: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        let width = unit.count
        while i + width <= text.count {
            guard text[i] == unit[0], text[i..<(i + width)].elementsEqual(unit) else {
                i += 1
                continue
            }
            var end = i + width
            var count = 1
            while end + width <= text.count && text[end..<(end + width)].elementsEqual(unit) {
                end += width
                count += 1
            }
            if count >= minimum { result.append(i..<end) }
            i = end
        }
        return result
    }
}

/// Non-overlapping occurrences of a byte string, left to right.
enum LiteralMatcher {
    static func matches(of needle: [UInt8], in text: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= text.count else { return [] }
        var result: [Range<Int>] = []
        let first = needle[0]
        var i = 0
        let last = text.count - needle.count
        while i <= last {
            if text[i] == first && text[i..<(i + needle.count)].elementsEqual(needle) {
                result.append(i..<(i + needle.count))
                i += needle.count
            } else {
                i += 1
            }
        }
        return result
    }
}
