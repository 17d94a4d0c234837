import Foundation
import Testing
import ValenceCore

@Suite("Hand-written JSON text")
struct JSONTextTests {
    @Test("strings round-trip through a JSON parser", arguments: [
        "", "plain", "quote \" backslash \\ slash /", "line\nbreak\ttab\rreturn", "\u{01}\u{1F}", "émoji 😀 👍🏽", "\u{2028}",
    ])
    func quoted(text: String) throws {
        let json = "[" + JSONText.quoted(text) + "]"
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test("numbers read back as the same value", arguments: [0.0, 1.0, -0.5, 0.9571, 1e-7, 123456789.125, -0.0])
    func number(value: Double) throws {
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(JSONText.number(value))]".utf8)) as? [NSNumber]
        #expect(parsed?.first?.doubleValue == value)
    }

    @Test("non-finite numbers become null")
    func nonFinite() {
        #expect(JSONText.number(Double.nan) == "null")
        #expect(JSONText.number(Double.infinity) == "null")
    }

    @Test("scores keep label order")
    func scoresObject() {
        let scores = [LabelScore(label: "neg", value: 0), LabelScore(label: "pos", value: 0.25)]
        #expect(scores.jsonObjectText == #"{"neg":0.0,"pos":0.25}"#)
    }
}

@Suite("JSON numbers match Swift's shortest representation")
struct JSONNumberTests {
    @Test("the four-decimal fast path writes what description writes")
    func fastPathAgrees() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0.5, -0.5, 1, -1, 0.0001, -0.0001, 0.9571, 0.1, 0.2, 0.3, 0.7, 100, 12.5, 99.99, 123456.789, 0.30000000000000004]
        for k in stride(from: -20_000, through: 20_000, by: 7) { values.append(Double(k) / 10_000) }
        for _ in 0..<5_000 { values.append(Double(Int.random(in: -99_999_999...99_999_999, using: &generator)) / 10_000) }
        for _ in 0..<2_000 { values.append(Double.random(in: -2...2, using: &generator)) }
        for value in values {
            #expect(JSONText.number(value) == "\(value)", "\(value)")
        }
    }
}

@Suite("JSON numbers appended as bytes")
struct JSONAppendNumberTests {
    @Test("appendNumber writes exactly what number writes")
    func agrees() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.0001, -0.0001, 0.9571, 10, 100.25, 12345.6789, .nan, .infinity, 1e-7, 3e12]
        for _ in 0..<5_000 { values.append(Double(Int.random(in: -99_999_999...99_999_999, using: &generator)) / 10_000) }
        for _ in 0..<1_000 { values.append(Double.random(in: -5...5, using: &generator)) }
        for value in values {
            var bytes: [UInt8] = []
            JSONText.appendNumber(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == JSONText.number(value), "\(value)")
        }
    }
}
