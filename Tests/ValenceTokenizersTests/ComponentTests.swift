import Foundation
import Testing
@testable import ValenceTokenizers

/// Components checked directly (the parity fixtures cover them end to end).
@Suite("Components")
struct ComponentTests {
    private func pieces(_ preTokenizer: any PreTokenizer, _ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var list = PieceList(bytes: bytes, pieces: [Piece(start: 0, end: bytes.count, atOrigin: true)])
        preTokenizer.preTokenize(&list)
        return list.pieces.map { UTF8.string(Array(list.bytes[$0.start..<$0.end])) }
    }

    @Test("the GPT-2 scanner splits like the regex")
    func gpt2Scanner() {
        func scan(_ text: String) -> [String] {
            let bytes = Array(text.utf8)
            var ranges: [Range<Int>] = []
            bytes.withUnsafeBufferPointer { ByteLevelScanner.scan($0, from: 0, to: $0.count, into: &ranges) }
            return ranges.map { UTF8.string(Array(bytes[$0])) }
        }
        #expect(scan("Hello world") == ["Hello", " world"])
        #expect(scan("I'm here, it's 2024!") == ["I", "'m", " here", ",", " it", "'s", " 2024", "!"])
        #expect(scan("a  b   c") == ["a", " ", " b", "  ", " c"])
        #expect(scan("trailing   ") == ["trailing", "   "])
        #expect(scan("x\n\ny") == ["x", "\n", "\n", "y"])
        #expect(scan("'S'll''") == ["'", "S", "'ll", "''"])
        #expect(scan(" 😀😀 ok") == [" 😀😀", " ok"])
    }

    @Test("split behaviours on a delimiter")
    func behaviours() {
        let spans = [MatchSpan(start: 0, end: 1, isMatch: false), MatchSpan(start: 1, end: 2, isMatch: true),
                     MatchSpan(start: 2, end: 3, isMatch: true), MatchSpan(start: 3, end: 5, isMatch: false)]
        func run(_ behavior: SplitBehavior) -> [Range<Int>] {
            var out: [MatchSpan] = []
            PieceList.apply(behavior, to: spans, into: &out)
            return out.map { $0.start..<$0.end }
        }
        #expect(run(.removed) == [0..<1, 3..<5])
        #expect(run(.isolated) == [0..<1, 1..<2, 2..<3, 3..<5])
        #expect(run(.mergedWithPrevious) == [0..<2, 2..<3, 3..<5])
        #expect(run(.mergedWithNext) == [0..<1, 1..<2, 2..<5])
        #expect(run(.contiguous) == [0..<1, 1..<3, 3..<5])
    }

    @Test("Whitespace and WhitespaceSplit")
    func whitespace() {
        #expect(pieces(WhitespacePreTokenizer(), "Hey friend!  How are you?!?") == ["Hey", "friend", "!", "How", "are", "you", "?!?"])
        #expect(pieces(PredicatePreTokenizer.whitespaceSplit, " a\tb\u{3000}c ") == ["a", "b", "c"])
    }

    @Test("Oniguruma classes are translated for ICU")
    func regexTranslation() throws {
        #expect(RegexPattern.translated(#"\w+"#) == "[\(RegexPattern.wordClass)]+")
        #expect(RegexPattern.translated(#"[\w-]"#) == "[\(RegexPattern.wordClass)-]")
        #expect(RegexPattern.translated(#"[[:punct:]]"#) == #"[\p{P}\p{S}]"#)
        #expect(RegexPattern.translated(#"\s+|\d"#) == "[\(RegexPattern.spaceClass)]+|\\d")
        #expect(RegexPattern.translated(#"\\w"#) == #"\\w"#)
        let regex = try RegexPattern(#"\w+"#, context: "test")
        let text = Array("a\u{200D}b ½x".utf8)
        #expect(regex.matches(in: text).map { UTF8.string(Array(text[$0])) } == ["a", "b", "½x"])
    }

    @Test("repeated-character patterns skip the regex engine")
    func repeatedCharacter() {
        #expect(ReplaceNormalizer.repeatedCharacter(" {2,}")?.1 == 2)
        #expect(ReplaceNormalizer.repeatedCharacter(#"\.+"#)?.0 == [0x2E])
        #expect(ReplaceNormalizer.repeatedCharacter(#"\d+"#) == nil)
        #expect(ReplaceNormalizer.repeatedCharacter("ab+") == nil)
        #expect(ReplaceNormalizer.runs(of: [0x20], minimum: 2, in: Array("a b  c   d".utf8)) == [3..<5, 6..<9])
    }

    @Test("WordLevel and the ByteLevel normalizer")
    func wordLevel() throws {
        let json = """
        {"normalizer": {"type": "ByteLevel"}, "pre_tokenizer": {"type": "Split", "pattern": {"String": "Ġ"}, "behavior": "MergedWithNext", "invert": false},
         "model": {"type": "WordLevel", "vocab": {"<unk>": 0, "hello": 1, "Ġworld": 2, "Ġ": 3}, "unk_token": "<unk>"},
         "added_tokens": [], "post_processor": null}
        """
        let tokenizer = try Tokenizer(json: Data(json.utf8))
        #expect(tokenizer.encode("hello world").ids == [1, 2])
        #expect(tokenizer.encode("hello there world").ids == [1, 0, 2])
        #expect(tokenizer.encode("hello ").ids == [1, 3])
    }

    @Test("an empty Precompiled charsmap changes nothing")
    func emptyCharsmap() throws {
        let json = try JSONObject(["type": "Precompiled", "precompiled_charsmap": ""], context: "test")
        let normalizer = try PrecompiledNormalizer(json: json)
        let text = Array("Ｈｅｌｌｏ\r\n e\u{301}".utf8)
        #expect(normalizer.normalize(text) == text)
    }

    @Test("the gzip reader round-trips")
    func gzip() throws {
        let raw = try Gzip.decompress([UInt8](Data(contentsOf: Fixtures.url("bpe-classic.expected.jsonl.gz"))))
        #expect(raw.last == 0x0A)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("manifest.json"))) as? [[String: Any]] ?? []
        let expected = manifest.first { $0["name"] as? String == "bpe-classic" }?["cases"] as? Int
        #expect(raw.split(separator: 0x0A).count == expected)
    }
}
