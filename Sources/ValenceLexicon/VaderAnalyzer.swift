import Foundation

/// A Swift port of vaderSentiment 3.3.2's `SentimentIntensityAnalyzer`.
///
/// Immutable and thread-safe: every call works on its own local buffers, so one instance can be
/// shared across tasks. Loading the lexicons is the only expensive step; use ``shared`` for the
/// bundled lexicons.
public final class VaderAnalyzer: Sendable {
    private let lexicon: VaderLexicon

    /// The analyzer for the lexicons bundled with this module (loaded once, on first use).
    public static let shared: VaderAnalyzer = {
        guard let lexicon = bundledResource("vader_lexicon"),
              let emojiLexicon = bundledResource("emoji_utf8_lexicon") else {
            fatalError("ValenceLexicon: bundled VADER lexicon resources are missing (packaging bug)")
        }
        return VaderAnalyzer(lexicon: lexicon, emojiLexicon: emojiLexicon)
    }()

    /// Creates an analyzer from the *contents* of a `vader_lexicon.txt`-style file (word, tab,
    /// mean valence, …) and an `emoji_utf8_lexicon.txt`-style file (emoji, tab, description).
    ///
    /// Parsing follows the Python package; lines it would reject are skipped.
    public init(lexicon: String, emojiLexicon: String) {
        self.lexicon = VaderLexicon(lexicon: lexicon, emojiLexicon: emojiLexicon)
    }

    /// The sentiment of `text`, identical to vaderSentiment 3.3.2's `polarity_scores(text)`.
    public func polarityScores(_ text: String) -> VaderScores {
        var text = text
        return text.withUTF8 { utf8 in
            if let expanded = lexicon.emoji.expand(utf8) {
                return expanded.withUnsafeBufferPointer(score)
            }
            return score(utf8)
        }
    }

    /// Scores emoji-free UTF-8 text; all working memory is temporary (stack when it fits).
    private func score(_ utf8: UnsafeBufferPointer<UInt8>) -> VaderScores {
        let maximumTokens = SentiText.maximumTokenCount(byteCount: utf8.count)
        return withUnsafeTemporaryAllocation(of: Token.self, capacity: maximumTokens) { tokenBuffer in
            withUnsafeTemporaryAllocation(of: UInt8.self,
                                          capacity: SentiText.scratchCapacity(byteCount: utf8.count)) { scratch in
                let text = SentiText(utf8: utf8, words: lexicon.words, tokens: tokenBuffer, scratch: scratch)
                let tokens = UnsafeBufferPointer(rebasing: tokenBuffer[..<text.tokenCount])
                return withUnsafeTemporaryAllocation(of: Double.self, capacity: maximumTokens) { buffer in
                    let sentiments = UnsafeMutableBufferPointer(rebasing: buffer[..<tokens.count])
                    ValenceRules(tokens: tokens, isCapDifferential: text.isCapDifferential,
                                 phrases: lexicon.phrases).computeSentiments(into: sentiments)
                    if let butIndex = text.butIndex {
                        ScoreAggregation.applyButRule(sentiments, butIndex: butIndex)
                    }
                    return ScoreAggregation.scores(UnsafeBufferPointer(sentiments),
                                                   exclamationMarks: text.exclamationMarks,
                                                   questionMarks: text.questionMarks)
                }
            }
        }
    }

    private static func bundledResource(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
