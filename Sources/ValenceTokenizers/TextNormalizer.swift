/// One normalization step of a `tokenizer.json` (`"normalizer"`), applied to UTF-8 text.
///
/// Each step maps the text of one piece (the text between added tokens) to its normalized form.
protocol TextNormalizer: Sendable {
    func normalize(_ text: [UInt8]) -> [UInt8]
}

/// Builds normalizers from their JSON description.
enum NormalizerFactory {
    static func make(_ json: JSONObject) throws -> any TextNormalizer {
        guard let type = json.type else { throw TokenizerError.invalidField(component: json.context, field: "type") }
        switch type {
        case "BertNormalizer": return BertNormalizer(json: json)
        case "NFC": return UnicodeFormNormalizer(form: .nfc)
        case "NFD": return UnicodeFormNormalizer(form: .nfd)
        case "NFKC": return UnicodeFormNormalizer(form: .nfkc)
        case "NFKD": return UnicodeFormNormalizer(form: .nfkd)
        case "Lowercase": return LowercaseNormalizer()
        case "Strip": return StripNormalizer(json: json)
        case "StripAccents": return StripAccentsNormalizer()
        case "Replace": return try ReplaceNormalizer(json: json)
        case "Prepend": return try PrependNormalizer(json: json)
        case "Precompiled": return try PrecompiledNormalizer(json: json)
        case "Nmt": return NmtNormalizer()
        case "ByteLevel": return ByteLevelNormalizer()
        case "Sequence":
            let steps = try json.objects("normalizers").map(make)
            return SequenceNormalizer(steps: steps)
        default:
            throw TokenizerError.unsupportedComponent(kind: "normalizer", type: type)
        }
    }
}

/// `Sequence`: applies its steps in order.
struct SequenceNormalizer: TextNormalizer {
    let steps: [any TextNormalizer]

    func normalize(_ text: [UInt8]) -> [UInt8] {
        var current = text
        for step in steps { current = step.normalize(current) }
        return current
    }
}
