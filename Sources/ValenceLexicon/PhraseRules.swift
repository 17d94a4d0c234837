/// The multi-word entries of `SPECIAL_CASES` and `BOOSTER_DICT`, matched on word identifiers.
///
/// 3.3.2 looks phrases up as `"{0} {1}".format(...)` strings of lowercased tokens. Tokens never
/// contain a space, so such a string equals a key exactly when the words match one by one; only
/// keys of two or three words can ever match, since only bigrams and trigrams are looked up.
struct PhraseRules: Sendable {
    /// Words that occur in some matchable phrase; a word's identifier is its index + 1.
    let vocabulary: [String]
    private let specialCases: [UInt32: Double]
    private let boosterPhrases: [UInt32: Double]

    init(specialCases: [(String, Double)], boosters: [(String, Double)]) {
        var vocabulary: [String] = []
        var identifiers: [String: UInt8] = [:]
        func code(of phrase: String) -> UInt32? {
            let words = phrase.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard (2...3).contains(words.count), !words.contains(where: \.isEmpty) else { return nil }
            var code: UInt32 = 0
            for (position, word) in words.enumerated() {
                let identifier: UInt8
                if let known = identifiers[word] {
                    identifier = known
                } else {
                    precondition(vocabulary.count < 255, "phrase vocabulary too large")
                    vocabulary.append(word)
                    identifier = UInt8(vocabulary.count)
                    identifiers[word] = identifier
                }
                code |= UInt32(identifier) << UInt32(8 * position)
            }
            return code
        }
        var special: [UInt32: Double] = [:]
        for (phrase, value) in specialCases {
            if let code = code(of: phrase) { special[code] = value }
        }
        var booster: [UInt32: Double] = [:]
        for (phrase, value) in boosters {
            if let code = code(of: phrase) { booster[code] = value }
        }
        self.vocabulary = vocabulary
        self.specialCases = special
        self.boosterPhrases = booster
    }

    /// The `SPECIAL_CASES` value of the phrase made of these word identifiers.
    @inline(__always)
    func specialCase(_ first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Double? {
        guard let code = Self.code(first, second, third) else { return nil }
        return specialCases[code]
    }

    /// The `BOOSTER_DICT` value of the phrase made of these word identifiers.
    @inline(__always)
    func booster(_ first: UInt8, _ second: UInt8, _ third: UInt8? = nil) -> Double? {
        guard let code = Self.code(first, second, third) else { return nil }
        return boosterPhrases[code]
    }

    @inline(__always)
    private static func code(_ first: UInt8, _ second: UInt8, _ third: UInt8?) -> UInt32? {
        guard first != 0, second != 0 else { return nil }
        var code = UInt32(first) | UInt32(second) << 8
        if let third {
            guard third != 0 else { return nil }
            code |= UInt32(third) << 16
        }
        return code
    }
}
