import Foundation
import ValenceLexicon

/// One line of a `*.vader-reference.jsonl` fixture: a text and vaderSentiment 3.3.2's scores.
struct ReferenceRow: Decodable, Sendable {
    let id: String
    let text: String
    let neg: Double
    let neu: Double
    let pos: Double
    let compound: Double

    var expected: VaderScores { VaderScores(neg: neg, neu: neu, pos: pos, compound: compound) }
}

/// Loads the fixtures bundled with the test target (the `Fixtures` folder, copied whole).
enum ReferenceFixtures {
    static let directory: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("Fixtures folder missing from the test bundle")
        }
        return url
    }()

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    static func rows(_ name: String) throws -> [ReferenceRow] {
        let data = try Data(contentsOf: url(name))
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            try decoder.decode(ReferenceRow.self, from: Data(line))
        }
    }

    /// Rows whose Swift scores differ from the reference by more than `tolerance`, described.
    static func mismatches(in rows: [ReferenceRow], analyzer: VaderAnalyzer = .shared,
                           tolerance: Double = 1e-4) -> [String] {
        rows.compactMap { row in
            let actual = analyzer.polarityScores(row.text)
            let expected = row.expected
            let pairs = [("neg", actual.neg, expected.neg), ("neu", actual.neu, expected.neu),
                         ("pos", actual.pos, expected.pos), ("compound", actual.compound, expected.compound)]
            let off = pairs.filter { abs($0.1 - $0.2) > tolerance }
            guard !off.isEmpty else { return nil }
            let details = off.map { "\($0.0): swift \($0.1) python \($0.2)" }.joined(separator: ", ")
            return "id \(row.id) \(String(reflecting: String(row.text.prefix(160)))): \(details)"
        }
    }
}
