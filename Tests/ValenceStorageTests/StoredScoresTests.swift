import Testing
import ValenceCore
@testable import ValenceStorage

@Suite("Stored scores")
struct StoredScoresTests {
    @Test("scores read back in label order, escapes and null included")
    func roundTrip() throws {
        let scores = [LabelScore(label: "neg", value: 0.25), LabelScore(label: "a \"quoted\" é", value: -1.5e-7),
                      LabelScore(label: "compound", value: .infinity)]
        let parsed = try StoredScores.parse(scores.jsonObjectText)
        #expect(parsed.map(\.label) == scores.map(\.label))
        #expect(parsed[0].value == 0.25 && parsed[1].value == -1.5e-7 && parsed[2].value.isNaN)
        #expect(try StoredScores.parse(" { } ").isEmpty)
    }

    @Test("malformed text is a stored-value error", arguments: ["", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "[1]"])
    func malformed(_ text: String) {
        #expect(throws: StoredValueError.self) { try StoredScores.parse(text) }
    }
}
