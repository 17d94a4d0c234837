/// What the rules need to know about one token of the text.
struct Token {
    /// Lexicon, booster and keyword facts of the lowercased token.
    var word: WordEntry
    /// Python `str.isupper()` of the token as written.
    var isUpper: Bool
    /// Python `negated([token])`: the lowercased token is in `NEGATE` or contains "n't".
    var isNegated: Bool

    /// Lexicon valence of the lowercased token.
    var valence: Double? { word.valence }
    /// `BOOSTER_DICT` scalar of the lowercased token.
    var booster: Double? { word.booster }
    /// The rule keyword the lowercased token equals.
    var rule: RuleWord { word.rule }
    /// Identifier of the lowercased token in the phrase vocabulary (0: none).
    var phraseWord: UInt8 { word.phraseWord }
}

/// 3.3.2's `SentiText`: the tokens of a text, plus the text-level counts the scorer needs.
struct SentiText {
    /// Number of tokens written.
    private(set) var tokenCount = 0
    /// Some but not all tokens are ALL CAPS (`allcap_differential`).
    private(set) var isCapDifferential = false
    /// Number of "!" in the (emoji-expanded) text.
    private(set) var exclamationMarks = 0
    /// Number of "?" in the (emoji-expanded) text.
    private(set) var questionMarks = 0
    /// Index of the first token whose lowercase form is "but".
    private(set) var butIndex: Int?

    /// Upper bound on the number of tokens of a text of `byteCount` UTF-8 bytes.
    static func maximumTokenCount(byteCount: Int) -> Int { byteCount / 2 + 1 }

    /// Upper bound on the bytes of one lowercased token (`str.lower()` grows UTF-8 by ≤ 50%).
    static func scratchCapacity(byteCount: Int) -> Int { byteCount * 2 + 8 }

    /// Splits `text` like Python's `str.split()`, strips each token like `_strip_punc_if_word`
    /// and looks every lowercased token up once, writing the tokens to `tokens`.
    ///
    /// ASCII tokens are lowercased into `scratch` while they are scanned; stripping only removes
    /// punctuation, which has no case, so `isupper()` of the raw token is that of the word.
    init(utf8 text: UnsafeBufferPointer<UInt8>, words: WordTable,
         tokens: UnsafeMutableBufferPointer<Token>, scratch: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        var allCaps = 0
        var index = 0
        let end = text.count
        while index < end {
            let space = PythonText.whitespaceLength(text, at: index)
            if space > 0 {
                index += space
                continue
            }
            let start = index
            var isASCII = true
            var hasUpper = false
            var hasLower = false
            var hasApostrophe = false
            while index < end {
                var byte = base[index]
                if byte < 0x80 {
                    if byte &- 0x09 < 5 || byte &- 0x1C < 5 { break }
                    if byte &- 0x41 < 26 {
                        hasUpper = true
                        byte |= 0x20
                    } else if byte &- 0x61 < 26 {
                        hasLower = true
                    } else if byte == UInt8(ascii: "!") {
                        exclamationMarks += 1
                    } else if byte == UInt8(ascii: "?") {
                        questionMarks += 1
                    } else if byte == UInt8(ascii: "'") {
                        hasApostrophe = true
                    }
                } else {
                    if PythonText.whitespaceLength(text, at: index) > 0 { break }
                    isASCII = false
                }
                scratch[index - start] = byte
                index += 1
            }
            let word = Self.strippedWord(base, start, index, isASCII: isASCII)
            let token: Token
            if isASCII {
                let key = UnsafeBufferPointer(rebasing: scratch[(word.lowerBound - start)..<(word.upperBound - start)])
                let entry = words.find(key) ?? WordEntry()
                token = Token(word: entry, isUpper: hasUpper && !hasLower,
                              isNegated: entry.isNegation || (hasApostrophe && Self.containsNT(key)))
            } else {
                token = Self.makeUnicodeToken(UnsafeBufferPointer(rebasing: text[word]), words: words,
                                              scratch: scratch)
            }
            if token.isUpper { allCaps += 1 }
            if butIndex == nil, token.rule == .but { butIndex = tokenCount }
            tokens[tokenCount] = token
            tokenCount += 1
        }
        isCapDifferential = allCaps > 0 && allCaps < tokenCount
    }

    /// `_strip_punc_if_word`: strip `string.punctuation` from both ends unless that leaves two
    /// code points or fewer (then the token, e.g. an emoticon, is kept whole).
    @inline(__always)
    private static func strippedWord(_ text: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
                                     isASCII: Bool) -> Range<Int> {
        var lower = start
        var upper = end
        while lower < upper, PythonText.isPunctuation(text[lower]) { lower += 1 }
        while upper > lower, PythonText.isPunctuation(text[upper - 1]) { upper -= 1 }
        var length = upper - lower
        if !isASCII {
            length = 0
            for position in lower..<upper where text[position] & 0xC0 != 0x80 { length += 1 }
        }
        return length <= 2 ? start..<end : lower..<upper
    }

    /// A token with non-ASCII characters: full Unicode `isupper()` and `lower()`.
    private static func makeUnicodeToken(_ word: UnsafeBufferPointer<UInt8>, words: WordTable,
                                         scratch: UnsafeMutableBufferPointer<UInt8>) -> Token {
        let length = PythonUnicode.lowercase(word, into: scratch)
        let key = UnsafeBufferPointer(rebasing: scratch[..<length])
        let entry = words.find(key) ?? WordEntry()
        return Token(word: entry, isUpper: PythonUnicode.isUpper(word),
                     isNegated: entry.isNegation || containsNT(key))
    }

    /// `"n't" in word`.
    @inline(__always)
    private static func containsNT(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 3 else { return false }
        for index in 0..<(word.count - 2)
        where word[index] == UInt8(ascii: "n") && word[index + 1] == UInt8(ascii: "'")
            && word[index + 2] == UInt8(ascii: "t") {
            return true
        }
        return false
    }
}
