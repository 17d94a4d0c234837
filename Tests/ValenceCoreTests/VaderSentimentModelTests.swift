import Testing
import ValenceCore
import ValenceLexicon

@Suite("VADER as a sentiment model")
struct VaderSentimentModelTests {
    @Test("thresholds at ±0.05 and confidence from compound", arguments: [
        (0.05, "positive", 0.05), (0.9571, "positive", 0.9571), (-0.05, "negative", 0.05),
        (-0.7, "negative", 0.7), (0.0, "neutral", 1.0), (0.0499, "neutral", 0.9501), (-0.0499, "neutral", 0.9501),
    ])
    func classification(compound: Double, sentiment: String, confidence: Double) {
        let result = VaderSentimentModel.classification(of: VaderScores(neg: 0.1, neu: 0.5, pos: 0.4, compound: compound))
        #expect(result.sentiment.rawValue == sentiment)
        #expect(abs(result.confidence - confidence) < 1e-12)
        #expect(result.scores.map(\.label) == ["neg", "neu", "pos", "compound"])
        #expect(result.scores.map(\.value) == [0.1, 0.5, 0.4, compound])
    }
}
