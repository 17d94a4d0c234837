/// `Split`: splits on a literal string or a regex, with any `SplitDelimiterBehavior`, optionally inverted.
struct SplitPreTokenizer: PreTokenizer {
    enum Pattern: Sendable {
        case literal([UInt8])
        case gpt2
        case regex(RegexPattern)
    }

    let pattern: Pattern
    let behavior: SplitBehavior
    let invert: Bool

    init(json: JSONObject) throws {
        let patternJSON = try json.object("pattern")
        if let literal = patternJSON.optionalString("String") {
            pattern = .literal(Array(literal.utf8))
        } else if let regex = patternJSON.optionalString("Regex") {
            pattern = regex == ByteLevelScanner.gpt2Pattern ? .gpt2 : .regex(try RegexPattern(regex, context: json.context))
        } else {
            throw TokenizerError.invalidField(component: json.context, field: "pattern")
        }
        behavior = try SplitBehavior(json: json)
        invert = json.bool("invert", default: false)
    }

    func preTokenize(_ list: inout PieceList) {
        let pattern = pattern
        let invert = invert
        var matches: [Range<Int>] = []
        list.split(behavior: behavior) { buffer, piece, spans in
            matches.removeAll(keepingCapacity: true)
            switch pattern {
            case .gpt2:
                ByteLevelScanner.scan(buffer, from: piece.start, to: piece.end, into: &matches)
            case .literal(let needle):
                let text = Array(buffer[piece.start..<piece.end])
                matches = LiteralMatcher.matches(of: needle, in: text).map { ($0.lowerBound + piece.start)..<($0.upperBound + piece.start) }
            case .regex(let regex):
                let text = Array(buffer[piece.start..<piece.end])
                matches = regex.matches(in: text).compactMap { range in
                    range.isEmpty ? nil : (range.lowerBound + piece.start)..<(range.upperBound + piece.start)
                }
            }
            PieceList.rangeSpans(matches, piece, invert: invert, into: &spans)
        }
    }
}
