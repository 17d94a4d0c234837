import Testing
import ValenceCore

@Suite("JSONL record scanner")
struct JSONObjectScannerTests {
    private func members(_ line: String) throws -> [JSONObjectScanner.Member] {
        try JSONObjectScanner.members(of: ArraySlice(Array(line.utf8)))
    }

    @Test("members keep their exact bytes")
    func memberRanges() throws {
        let line = #"  {"id": 12, "text" :"hi \"you\"", "nested": {"a": [1, 2.5e-3, true, null]}}  "#
        let bytes = ArraySlice(Array(line.utf8))
        let found = try JSONObjectScanner.members(of: bytes)
        #expect(found.map(\.key) == ["id", "text", "nested"])
        #expect(String(decoding: bytes[found[0].range], as: UTF8.self) == #""id": 12"#)
        #expect(String(decoding: bytes[found[1].valueRange], as: UTF8.self) == #""hi \"you\"""#)
        #expect(String(decoding: bytes[found[2].valueRange], as: UTF8.self) == #"{"a": [1, 2.5e-3, true, null]}"#)
    }

    @Test("valid JSON objects are accepted", arguments: [
        "{}", " { } ", #"{"a":"\u00e9\ud83d\ude00"}"#, #"{"a":-0.5E+10}"#, #"{"a":[[],{}]}"#, #"{"a":"tab\tnewline\n"}"#,
        #"{"é":"ü"}"#,
    ])
    func accepts(line: String) throws {
        _ = try members(line)
    }

    @Test("anything but one JSON object is rejected", arguments: [
        "", "[]", "\"text\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":tru}",
        "{\"a\":1} {}", "{'a':1}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{a:1}",
        "{\"a\":\"raw\u{01}control\"}", "{\"a\":NaN}",
    ])
    func rejects(line: String) {
        #expect(throws: JSONObjectScanner.SyntaxError.self) { try members(line) }
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect(throws: JSONObjectScanner.SyntaxError.self) { try JSONObjectScanner.members(of: ArraySlice(bytes)) }
    }

    @Test("deep nesting is bounded, not a crash")
    func deepNesting() {
        let line = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: JSONObjectScanner.SyntaxError.self) { try members(line) }
    }

    @Test("string escapes decode like a JSON parser", arguments: [
        (#"plain"#, "plain"), (#"a\"b"#, "a\"b"), (#"\\\/\b\f\n\r\t"#, "\\/\u{08}\u{0C}\n\r\t"),
        (#"\u00e9"#, "é"), (#"\ud83d\ude00"#, "😀"), (#"mixé \u0041"#, "mixé A"),
    ])
    func decodes(raw: String, expected: String) throws {
        #expect(try JSONStringDecoder.decode(ArraySlice(Array(raw.utf8)), at: 0) == expected)
    }

    @Test("lone surrogates are rejected", arguments: [#"\ud83d"#, #"\ude00"#, #"\ud83dx"#])
    func loneSurrogates(raw: String) {
        #expect(throws: JSONObjectScanner.SyntaxError.self) { try JSONStringDecoder.decode(ArraySlice(Array(raw.utf8)), at: 0) }
    }
}
