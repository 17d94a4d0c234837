/// The parsed data of an analyzer: lexicon words merged with the rule vocabularies, emoji
/// descriptions and multi-word phrases.
struct VaderLexicon: Sendable {
    /// Lowercase word → lexicon valence, booster scalar, negation and rule-keyword flags.
    let words: WordTable
    /// Single code point → emoji description.
    let emoji: EmojiTable
    /// `SPECIAL_CASES` and multi-word boosters.
    let phrases: PhraseRules
}
