import Testing
import ValenceLexicon

/// Behaviour of vaderSentiment 3.3.2 that differs from what its code seems to intend, reproduced
/// on purpose. Every expected value was computed with the Python package.
@Suite("Quirks of vaderSentiment 3.3.2")
struct QuirkTests {
    let analyzer = VaderAnalyzer.shared

    @Test("'but' rescales the first element equal to each value (list.index), not the element")
    func butUsesListIndex() {
        // [1.8, 0, 0.9]: 'okay' (0.9) equals the already halved 'nice', which is halved again.
        #expect(analyzer.polarityScores("nice but okay")
            == VaderScores(neg: 0, neu: 0.23, pos: 0.77, compound: 0.3291))
    }

    @Test("Emoji descriptions are glued to a following non-space character")
    func emojiJoining() {
        #expect(analyzer.polarityScores("😀good") == analyzer.polarityScores("grinning facegood"))
        #expect(analyzer.polarityScores("😀good")
            == VaderScores(neg: 0, neu: 0.286, pos: 0.714, compound: 0.3612))
        // U+FE0F stays attached to the description's last word: "red heart\u{FE0F}" is neutral.
        #expect(analyzer.polarityScores("I ❤️ you") == VaderScores(neg: 0, neu: 1, pos: 0, compound: 0))
        #expect(analyzer.polarityScores("I ❤ you")
            == VaderScores(neg: 0, neu: 0.417, pos: 0.583, compound: 0.6369))
    }

    @Test("Special idioms need three words before the lexicon word and can land on a later word")
    func idioms() {
        #expect(analyzer.polarityScores("is the bomb")
            == VaderScores(neg: 0.615, neu: 0.385, pos: 0, compound: -0.4939))
        #expect(analyzer.polarityScores("it is the bomb")
            == VaderScores(neg: 0, neu: 0.429, pos: 0.571, compound: 0.6124))
        // "the shit" two words before "good" replaces the valence of "good" with 3.
        #expect(analyzer.polarityScores("x y the shit good")
            == VaderScores(neg: 0, neu: 0.273, pos: 0.727, compound: 0.8402))
        // "to die for" is never matched: no window of the check is centred on "die".
        #expect(analyzer.polarityScores("the cake is to die for")
            == analyzer.polarityScores("the cake is to die xyz"))
    }

    @Test("At distance three, 'so'/'this' right before the word boosts x1.25 without 'never'")
    func soThisPrecedence() {
        #expect(analyzer.polarityScores("it was this good")
            == VaderScores(neg: 0, neu: 0.471, pos: 0.529, compound: 0.5228))
        #expect(analyzer.polarityScores("it was that good")
            == VaderScores(neg: 0, neu: 0.508, pos: 0.492, compound: 0.4404))
    }

    @Test("A zero valence in ALL CAPS is pushed down by C_INCR ('NO good')")
    func capsOnZero() {
        #expect(analyzer.polarityScores("NO good")
            == VaderScores(neg: 1, neu: 0, pos: 0, compound: -0.4835))
        #expect(analyzer.polarityScores("no good")
            == VaderScores(neg: 0.706, neu: 0.294, pos: 0, compound: -0.3412))
    }

    @Test("Lexicon entries that can never match a token")
    func unreachableEntries() {
        // Multi-word entries (tokens never contain spaces) ...
        #expect(analyzer.polarityScores("fed up") == VaderScores(neg: 0, neu: 1, pos: 0, compound: 0))
        #expect(analyzer.polarityScores("can't stand") == VaderScores(neg: 0, neu: 1, pos: 0, compound: 0))
        // ... while ":D" only works through the lowercase entry ":d".
        #expect(analyzer.polarityScores(":D") == analyzer.polarityScores(":d"))
    }

    @Test("Short tokens keep their punctuation; Unicode whitespace splits like Python")
    func tokenization() {
        #expect(analyzer.polarityScores("(:") != analyzer.polarityScores(":"))
        #expect(analyzer.polarityScores("good\u{00A0}bad") == analyzer.polarityScores("good bad"))
        #expect(analyzer.polarityScores("good\u{3000}bad") == analyzer.polarityScores("good bad"))
        #expect(analyzer.polarityScores("good\u{1C}bad") == analyzer.polarityScores("good bad"))
        // U+200B is not whitespace for Python: one unknown token.
        #expect(analyzer.polarityScores("good\u{200B}bad") == VaderScores(neg: 0, neu: 1, pos: 0, compound: 0))
    }

    @Test("One shared analyzer is safe to use from many tasks at once")
    func concurrentUse() async {
        let texts = ["good", "not bad at all!!", "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
                     "😀 but 😡", "nice but okay"]
        let shared = analyzer
        let expected = texts.map { shared.polarityScores($0) }
        await withTaskGroup(of: Bool.self) { group in
            for round in 0..<64 {
                group.addTask {
                    let index = round % texts.count
                    return shared.polarityScores(texts[index]) == expected[index]
                }
            }
            for await matches in group { #expect(matches) }
        }
    }
}
