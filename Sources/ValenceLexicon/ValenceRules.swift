/// Per-word valence of 3.3.2 (`polarity_scores` loop and `sentiment_valence` with its checks).
struct ValenceRules {
    let tokens: UnsafeBufferPointer<Token>
    let isCapDifferential: Bool
    let phrases: PhraseRules

    private typealias Constants = VaderConstants

    /// Writes one valence per token (before the "but" rule) to `sentiments`.
    func computeSentiments(into sentiments: UnsafeMutableBufferPointer<Double>) {
        for index in tokens.indices {
            let token = tokens[index]
            // Boosters and the "kind" of "kind of" carry no valence of their own.
            if token.word.isBooster
                || (index < tokens.count - 1 && token.rule == .kind && tokens[index + 1].rule == .of) {
                sentiments[index] = 0
            } else if let base = token.valence {
                sentiments[index] = valence(at: index, base: base)
            } else {
                sentiments[index] = 0
            }
        }
    }

    /// `sentiment_valence` for a lexicon word.
    private func valence(at index: Int, base: Double) -> Double {
        let token = tokens[index]
        var valence = base
        // "no" before another lexicon word is a negation, not a sentiment of its own.
        if token.rule == .no, index != tokens.count - 1, tokens[index + 1].valence != nil {
            valence = 0
        }
        if (index > 0 && tokens[index - 1].rule == .no)
            || (index > 1 && tokens[index - 2].rule == .no)
            || (index > 2 && tokens[index - 3].rule == .no
                && (tokens[index - 1].rule == .or || tokens[index - 1].rule == .nor)) {
            valence = base * Constants.negationScalar
        }
        // ALL CAPS emphasis; note a valence of exactly 0 is pushed *down*, as in 3.3.2.
        if token.isUpper && isCapDifferential {
            if valence > 0 {
                valence += Constants.capsIncrement
            } else {
                valence -= Constants.capsIncrement
            }
        }
        for distance in 1...3 where index >= distance && tokens[index - distance].valence == nil {
            var scalar = boosterScalar(tokens[index - distance], valence: valence)
            if distance == 2 && scalar != 0 { scalar *= 0.95 }
            if distance == 3 && scalar != 0 { scalar *= 0.9 }
            valence = valence + scalar
            valence = negationCheck(valence, distance: distance, index: index)
            if distance == 3 { valence = idiomsCheck(valence, index: index) }
        }
        return leastCheck(valence, index: index)
    }

    /// `scalar_inc_dec`.
    @inline(__always)
    private func boosterScalar(_ word: Token, valence: Double) -> Double {
        guard var scalar = word.booster else { return 0 }
        if valence < 0 { scalar = -scalar }
        if word.isUpper && isCapDifferential {
            if valence > 0 {
                scalar += Constants.capsIncrement
            } else {
                scalar -= Constants.capsIncrement
            }
        }
        return scalar
    }

    /// `_negation_check`, with its 3.3.2 operator precedence: at distance 3, a "so"/"this"
    /// right before the word multiplies by 1.25 whether or not "never" precedes it.
    private func negationCheck(_ valence: Double, distance: Int, index: Int) -> Double {
        let one = tokens[index - 1].rule
        switch distance {
        case 1:
            return tokens[index - 1].isNegated ? valence * Constants.negationScalar : valence
        case 2:
            let two = tokens[index - 2].rule
            if two == .never && (one == .so || one == .this) { return valence * 1.25 }
            if two == .without && one == .doubt { return valence }
            return tokens[index - 2].isNegated ? valence * Constants.negationScalar : valence
        default:
            let two = tokens[index - 2].rule
            let three = tokens[index - 3].rule
            if (three == .never && (two == .so || two == .this)) || (one == .so || one == .this) {
                return valence * 1.25
            }
            if three == .without && (two == .doubt || one == .doubt) { return valence }
            return tokens[index - 3].isNegated ? valence * Constants.negationScalar : valence
        }
    }

    /// `_special_idioms_check` (only reached for `index >= 3` whose third previous word is not
    /// in the lexicon). An idiom *replaces* the valence, even when it is made of the words
    /// before the current one; then "kind of"/"sort of"/"just enough" bigrams before the word
    /// add their (negative) scalar whatever the sign of the valence.
    private func idiomsCheck(_ valence: Double, index: Int) -> Double {
        let last = min(index + 2, tokens.count - 1)
        guard ((index - 3)...last).contains(where: { tokens[$0].phraseWord != 0 }) else { return valence }
        let word = { (offset: Int) in self.tokens[index + offset].phraseWord }
        var valence = valence
        if let value = phrases.specialCase(word(-1), word(0))
            ?? phrases.specialCase(word(-2), word(-1), word(0))
            ?? phrases.specialCase(word(-2), word(-1))
            ?? phrases.specialCase(word(-3), word(-2), word(-1))
            ?? phrases.specialCase(word(-3), word(-2)) {
            valence = value
        }
        if tokens.count - 1 > index, let value = phrases.specialCase(word(0), word(1)) {
            valence = value
        }
        if tokens.count - 1 > index + 1, let value = phrases.specialCase(word(0), word(1), word(2)) {
            valence = value
        }
        if let scalar = phrases.booster(word(-3), word(-2), word(-1)) { valence = valence + scalar }
        if let scalar = phrases.booster(word(-3), word(-2)) { valence = valence + scalar }
        if let scalar = phrases.booster(word(-2), word(-1)) { valence = valence + scalar }
        return valence
    }

    /// `_least_check`: "least" before the word negates it, except in "at least" / "very least".
    private func leastCheck(_ valence: Double, index: Int) -> Double {
        guard index > 0 else { return valence }
        let previous = tokens[index - 1]
        guard previous.valence == nil, previous.rule == .least else { return valence }
        if index > 1 {
            let before = tokens[index - 2].rule
            return before != .at && before != .very ? valence * Constants.negationScalar : valence
        }
        return valence * Constants.negationScalar
    }
}
