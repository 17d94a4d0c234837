extension VaderLexicon {
    /// Parses the contents of `vader_lexicon.txt` and `emoji_utf8_lexicon.txt` as 3.3.2's
    /// `make_lex_dict` / `make_emoji_dict` do: lines split on "\n" only, each line `strip()`ped
    /// (Python whitespace) and split on tabs, first field the key, second the value; a later
    /// duplicate key replaces an earlier one. Lines Python would reject with `ValueError`
    /// (fewer than two fields, unparsable number) are skipped.
    init(lexicon: String, emojiLexicon: String) {
        let phrases = PhraseRules(specialCases: VaderConstants.specialCases, boosters: VaderConstants.boosters)
        var words = WordTable(minimumCapacity: 8_192)
        for (key, value) in Self.records(lexicon, skipEmptyLines: true) {
            guard let valence = PythonText.parseFloat(value) else { continue }
            words.update(Self.utf8(key)) { $0.valence = valence }
        }
        for (word, scalar) in VaderConstants.boosters {
            words.update(Array(word.utf8)) { $0.booster = scalar }
        }
        for word in VaderConstants.negations {
            words.update(Array(word.utf8)) { $0.isNegation = true }
        }
        for rule in RuleWord.allCases {
            guard let spelling = rule.spelling else { continue }
            words.update(Array(spelling.utf8)) { $0.rule = rule }
        }
        for (offset, word) in phrases.vocabulary.enumerated() {
            words.update(Array(word.utf8)) { $0.phraseWord = UInt8(offset + 1) }
        }

        var descriptions: [UInt32: [UInt8]] = [:]
        for (key, value) in Self.records(emojiLexicon, skipEmptyLines: false) where key.count == 1 {
            descriptions[key[key.startIndex].value] = Self.utf8(value)
        }
        self.init(words: words, emoji: EmojiTable(descriptions: descriptions), phrases: phrases)
    }

    /// `for line in text.rstrip('\n').split('\n'): (key, value) = line.strip().split('\t')[0:2]`.
    private static func records(_ text: String, skipEmptyLines: Bool)
        -> [(key: ArraySlice<Unicode.Scalar>, value: ArraySlice<Unicode.Scalar>)] {
        var scalars = Array(text.unicodeScalars)
        while scalars.last == "\n" { scalars.removeLast() }
        var records: [(key: ArraySlice<Unicode.Scalar>, value: ArraySlice<Unicode.Scalar>)] = []
        for line in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if skipEmptyLines && line.isEmpty { continue }
            let fields = PythonText.strip(line).split(separator: "\t", maxSplits: 2,
                                                      omittingEmptySubsequences: false)
            guard fields.count >= 2 else { continue }  // Python: ValueError
            records.append((fields[0], fields[1]))
        }
        return records
    }

    private static func utf8(_ scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        Array(String(String.UnicodeScalarView(scalars)).utf8)
    }
}
