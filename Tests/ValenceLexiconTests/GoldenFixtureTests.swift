import Testing
import ValenceLexicon

@Suite("Golden fixtures from vaderSentiment 3.3.2")
struct GoldenFixtureTests {
    @Test("Every row matches Python within 1e-4 on neg, neu, pos and compound",
          arguments: [
              ("tweets.vader-reference.jsonl", 4_200),
              ("tweeteval-sentiment-val.vader-reference.jsonl", 2_000),
              ("adversarial.vader-reference.jsonl", 300),
          ])
    func fixtureMatches(name: String, minimumRows: Int) throws {
        let rows = try ReferenceFixtures.rows(name)
        #expect(rows.count >= minimumRows, "\(name) has \(rows.count) rows")
        let failures = ReferenceFixtures.mismatches(in: rows)
        for failure in failures.prefix(50) {
            Issue.record("\(name): \(failure)")
        }
        #expect(failures.isEmpty, "\(failures.count) of \(rows.count) rows of \(name) differ from Python")
    }

    @Test("Scores are exactly equal (not just within tolerance) on every fixture row")
    func exactEquality() throws {
        var differing: [String] = []
        for name in ["tweets.vader-reference.jsonl", "tweeteval-sentiment-val.vader-reference.jsonl",
                     "adversarial.vader-reference.jsonl"] {
            for row in try ReferenceFixtures.rows(name)
            where VaderAnalyzer.shared.polarityScores(row.text) != row.expected {
                differing.append("\(name) id \(row.id)")
            }
        }
        #expect(differing.isEmpty, "not bit-identical: \(differing.prefix(20))")
    }
}
