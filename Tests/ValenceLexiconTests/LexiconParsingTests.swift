import Testing
@testable import ValenceLexicon

@Suite("Lexicon parsing like make_lex_dict / make_emoji_dict")
struct LexiconParsingTests {
    /// Duplicate keys (last wins), CRLF, surrounding whitespace, extra fields, an empty line,
    /// Python float spellings; case-sensitive keys ("Good" is unreachable: tokens are lowercased).
    static let lexicon = "good\t1.5\nGood\t9\ngood\t2.0\r\n  \tgreat\t3.1\t0.5\t[1]\n\ncafé\t2.5\n"
        + "ten\t1_0\nspaced\t 2.5 \nbroken line\nbad\tnot-a-number\n"
    /// An ASCII key, a duplicate (last wins) and a multi-code-point key (never matched).
    static let emoji = "x\tgood\n😀\tgreat\n👍🏽\tterrible\n😀\tbad\n"

    static let analyzer = VaderAnalyzer(lexicon: lexicon, emojiLexicon: emoji)

    /// Expected values computed with vaderSentiment 3.3.2 on the same two file contents.
    @Test("Custom lexicons score as in Python", arguments: [
        ("good", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.4588)),
        ("Good", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.4588)),
        ("GOOD great", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.8331)),
        ("great", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.6249)),
        ("café", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.5423)),
        ("cafe\u{301}", VaderScores(neg: 0, neu: 1, pos: 0, compound: 0)),  // not the same code points
        ("ten", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.9325)),
        ("spaced", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.5423)),
        ("x", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.4588)),
        ("axb", VaderScores(neg: 0, neu: 1, pos: 0, compound: 0)),          // "a goodb"
        ("😀", VaderScores(neg: 0, neu: 1, pos: 0, compound: 0)),           // "bad" is not in this lexicon
        ("👍🏽", VaderScores(neg: 0, neu: 1, pos: 0, compound: 0)),
        ("Good good", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.7184)),
    ])
    func customLexicon(text: String, expected: VaderScores) {
        #expect(Self.analyzer.polarityScores(text) == expected)
    }

    /// `_strip_punc_if_word` counts code points, not bytes ("很" is 3 bytes, 1 code point), and
    /// `lower()` uses the final sigma at the end of a word ("ΣΟΦΟΣ" -> "σοφος").
    @Test("Code-point length rule and final sigma, as in Python", arguments: [
        ("(很)", VaderScores(neg: 1, neu: 0, pos: 0, compound: -0.25)),
        ("很", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.4588)),
        ("!很!", VaderScores(neg: 0, neu: 1, pos: 0, compound: 0)),
        ("((很很很))", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.25)),
        ("ΣΟΦΟΣ", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.4588)),
        ("ΣΟΦΟΣ!", VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.5093)),
        ("σοφοσ", VaderScores(neg: 1, neu: 0, pos: 0, compound: -0.4588)),
    ])
    func unicodeWords(text: String, expected: VaderScores) {
        let analyzer = VaderAnalyzer(lexicon: "很\t2.0\n(很)\t-1.0\n很很很\t1.0\nσοφος\t2.0\nσοφοσ\t-2.0\n",
                                     emojiLexicon: "x\ty\n")
        #expect(analyzer.polarityScores(text) == expected)
    }

    @Test("Python float() spellings")
    func pythonFloat() {
        func parse(_ text: String) -> Double? { PythonText.parseFloat(Array(text.unicodeScalars)[...]) }
        #expect(parse("1_0") == 10)
        #expect(parse("1_0e1_0") == 1e11)
        #expect(parse("1E+2_0") == 1e20)
        #expect(parse(" 2.5 ") == 2.5)
        #expect(parse("1.5\u{A0}") == 1.5)
        #expect(parse("+.5") == 0.5)
        #expect(parse("5.") == 5)
        #expect(parse("-0.74") == -0.74)
        #expect(parse("iNf") == .infinity)
        #expect(parse("-Infinity") == -.infinity)
        #expect(parse("+nan")?.isNaN == true)
        for rejected in ["1__0", "_1", "1_", "1_.5", "1._5", "1e", "0x10", "", ".", "-.e1", "1.5f", "٣"] {
            #expect(parse(rejected) == nil, "\(rejected) should be rejected")
        }
    }

    @Test("The bundled lexicons load with the expected sizes")
    func bundled() {
        let analyzer = VaderAnalyzer.shared
        #expect(analyzer.polarityScores("good") == VaderScores(neg: 0, neu: 0, pos: 1, compound: 0.4404))
        #expect(analyzer.polarityScores("") == .zero)
    }
}
