import Testing
import ValenceCore

@Suite("Label to sentiment mapping")
struct SentimentMappingTests {
    @Test("maps label names as DESIGN.md section 2 says", arguments: [
        ("NEGATIVE", 2, "negative"), ("POSITIVE", 2, "positive"), ("negative", 3, "negative"),
        ("Neutral", 3, "neutral"), ("positive", 3, "positive"),
        ("1 star", 5, "negative"), ("2 stars", 5, "negative"), ("3 stars", 5, "neutral"),
        ("4 stars", 5, "positive"), ("5 stars", 5, "positive"),
        ("LABEL_0", 2, "negative"), ("LABEL_1", 2, "positive"),
        ("LABEL_0", 3, "negative"), ("LABEL_1", 3, "neutral"), ("LABEL_2", 3, "positive"),
        ("LABEL_3", 5, "LABEL_3"), ("joy", 6, "joy"), ("6 stars", 6, "6 stars"),
    ])
    func mapping(label: String, count: Int, expected: String) {
        #expect(Sentiment.forLabel(label, labelCount: count).rawValue == expected)
    }
}
