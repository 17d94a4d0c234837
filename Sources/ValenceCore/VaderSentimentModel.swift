import ValenceLexicon

/// The built-in VADER model: exact vaderSentiment 3.3.2 scores, thresholds ±0.05 on compound.
public struct VaderSentimentModel: SentimentModel {
    public static let key = "vader"
    public var key: String { Self.key }
    private let analyzer: VaderAnalyzer

    public init(analyzer: VaderAnalyzer = .shared) {
        self.analyzer = analyzer
    }

    public func classify(_ texts: [String]) async throws -> [Classification] {
        texts.map(classify)
    }

    /// Synchronous scoring of one text (VADER is cheap: no need to leave the caller's thread).
    public func classify(_ text: String) -> Classification {
        Self.classification(of: analyzer.polarityScores(text))
    }

    /// Turns VADER's four numbers into a classification.
    public static func classification(of scores: VaderScores) -> Classification {
        let compound = scores.compound
        let sentiment: Sentiment
        let confidence: Double
        if compound >= 0.05 {
            sentiment = .positive
            confidence = abs(compound)
        } else if compound <= -0.05 {
            sentiment = .negative
            confidence = abs(compound)
        } else {
            sentiment = .neutral
            confidence = 1 - abs(compound)
        }
        return Classification(
            sentiment: sentiment,
            confidence: confidence,
            scores: [
                LabelScore(label: "neg", value: scores.neg),
                LabelScore(label: "neu", value: scores.neu),
                LabelScore(label: "pos", value: scores.pos),
                LabelScore(label: "compound", value: compound),
            ]
        )
    }
}
