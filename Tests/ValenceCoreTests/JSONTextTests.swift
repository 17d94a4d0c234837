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
