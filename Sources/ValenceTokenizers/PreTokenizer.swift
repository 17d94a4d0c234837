/// One pre-tokenization step of a `tokenizer.json` (`"pre_tokenizer"`): splits (and sometimes
/// rewrites) the pieces of a normalized segment before the model sees them.
protocol PreTokenizer: Sendable {
    func preTokenize(_ list: inout PieceList)
}

/// Builds pre-tokenizers from their JSON description.
enum PreTokenizerFactory {
    static func make(_ json: JSONObject) throws -> any PreTokenizer {
        guard let type = json.type else { throw TokenizerError.invalidField(component: json.context, field: "type") }
        switch type {
        case "BertPreTokenizer": return BertPreTokenizer()
        case "ByteLevel": return ByteLevelPreTokenizer(json: json)
        case "Metaspace": return try MetaspacePreTokenizer(json: json)
        case "Whitespace": return WhitespacePreTokenizer()
        case "WhitespaceSplit": return PredicatePreTokenizer.whitespaceSplit
        case "Punctuation":
            let behavior = json.has("behavior") ? try SplitBehavior(json: json) : .isolated
            return PredicatePreTokenizer(behavior: behavior, predicate: .punctuation)
        case "Digits":
            let individual = json.bool("individual_digits", default: false)
            return PredicatePreTokenizer(behavior: individual ? .isolated : .contiguous, predicate: .numeric)
        case "CharDelimiterSplit":
            let delimiter = try json.string("delimiter")
            guard let scalar = delimiter.unicodeScalars.first, delimiter.unicodeScalars.count == 1 else {
                throw TokenizerError.invalidField(component: json.context, field: "delimiter")
            }
            return PredicatePreTokenizer(behavior: .removed, predicate: .scalar(scalar.value))
        case "Split": return try SplitPreTokenizer(json: json)
        case "Sequence":
            return SequencePreTokenizer(steps: try json.objects("pretokenizers").map(make))
        default:
            throw TokenizerError.unsupportedComponent(kind: "pre_tokenizer", type: type)
        }
    }
}

/// `Sequence`: applies its steps in order.
struct SequencePreTokenizer: PreTokenizer {
    let steps: [any PreTokenizer]

    func preTokenize(_ list: inout PieceList) {
        for step in steps { step.preTokenize(&list) }
    }
}

/// Splitters driven by a per-scalar test: `WhitespaceSplit`, `Punctuation`, `Digits`, `CharDelimiterSplit`.
struct PredicatePreTokenizer: PreTokenizer {
    enum Predicate: Sendable {
        case whitespace, punctuation, numeric
        case scalar(UInt32)

        @inline(__always)
        func test(_ scalar: UInt32) -> Bool {
            switch self {
            case .whitespace: UnicodeClass.isWhitespace(scalar)
            case .punctuation: UnicodeClass.isBertPunctuation(scalar)
            case .numeric: UnicodeClass.isNumeric(scalar)
            case .scalar(let value): scalar == value
            }
        }
    }

    static let whitespaceSplit = PredicatePreTokenizer(behavior: .removed, predicate: .whitespace)

    let behavior: SplitBehavior
    let predicate: Predicate

    func preTokenize(_ list: inout PieceList) {
        let predicate = predicate
        list.split(behavior: behavior) { buffer, piece, spans in
            PieceList.scalarSpans(buffer, piece, into: &spans, where: predicate.test)
        }
    }
}
