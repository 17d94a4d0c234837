import Foundation
import Testing
import ValenceCore
@testable import ValenceEval

/// Expected numbers from scikit-learn 1.9.1 and numpy 2.4.6 (Scripts/reference_metrics.py).
@Suite("Evaluation metrics")
struct EvalMetricsTests {
    /// Neutral is in the gold labels but never predicted; "irony" and "mixed" are predicted but never gold.
    static let gold: [Sentiment] = [
        .negative, .negative, .negative, .neutral, .neutral, .neutral, .neutral,
        .positive, .positive, .positive, .positive, .positive,
    ]
    static let predicted: [Sentiment] = [
        .negative, .positive, .negative, .negative, .positive, .positive, Sentiment(rawValue: "mixed"),
        .positive, .positive, .negative, .positive, Sentiment(rawValue: "irony"),
    ]
    static let metrics = EvalMetrics(pairs: zip(gold, predicted).map { (gold: $0, predicted: $1) })

    @Test("confusion matrix has gold rows, predicted columns, standard classes first then others by name")
    func confusionMatrix() {
        let confusion = Self.metrics.confusion
        #expect(confusion.classes.map(\.rawValue) == ["negative", "neutral", "positive", "irony", "mixed"])
        #expect(confusion.counts == [[2, 0, 1, 0, 0], [1, 0, 2, 0, 1], [1, 0, 3, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])
        #expect(confusion.total == 12)
        #expect(confusion.count(gold: .neutral, predicted: Sentiment(rawValue: "mixed")) == 1)
        #expect(confusion.count(gold: .neutral, predicted: Sentiment(rawValue: "unseen")) == 0)
    }

    @Test("class order does not depend on the order classes are first seen")
    func orderIndependent() {
        let confusion = ConfusionMatrix(pairs: [
            (gold: Sentiment(rawValue: "zeta"), predicted: .positive),
            (gold: .neutral, predicted: Sentiment(rawValue: "alpha")),
            (gold: .negative, predicted: .neutral),
        ])
        #expect(confusion.classes.map(\.rawValue) == ["negative", "neutral", "positive", "alpha", "zeta"])
        #expect(confusion.count(gold: Sentiment(rawValue: "zeta"), predicted: .positive) == 1)
        #expect(confusion.count(gold: .neutral, predicted: Sentiment(rawValue: "alpha")) == 1)
        #expect(confusion.count(gold: .negative, predicted: .neutral) == 1)
        #expect(confusion.total == 3)
    }

    @Test("decoding rejects counts that do not match the classes")
    func decodingChecksShape() throws {
        let good = #"{"classes":["negative","positive"],"counts":[[1,0],[2,3]]}"#
        let matrix = try JSONDecoder().decode(ConfusionMatrix.self, from: Data(good.utf8))
        #expect(matrix.count(gold: .positive, predicted: .negative) == 2)
        let bad = #"{"classes":["negative","positive"],"counts":[[1,0],[2]]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ConfusionMatrix.self, from: Data(bad.utf8)) }
    }

    @Test("accuracy, per-class and macro metrics match scikit-learn with zero_division=0")
    func matchesScikitLearn() {
        let metrics = Self.metrics
        #expect(abs(metrics.accuracy - 0.4166666666666667) < 1e-12)
        let expected: [(String, Double, Double, Double, Int, Int)] = [
            ("negative", 0.5, 0.6666666666666666, 0.5714285714285714, 3, 4),
            ("neutral", 0, 0, 0, 4, 0),
            ("positive", 0.5, 0.6, 0.5454545454545454, 5, 6),
            ("irony", 0, 0, 0, 0, 1),
            ("mixed", 0, 0, 0, 0, 1),
        ]
        #expect(metrics.classes.count == expected.count)
        for (row, want) in zip(metrics.classes, expected) {
            #expect(row.sentiment.rawValue == want.0)
            #expect(abs(row.precision - want.1) < 1e-12)
            #expect(abs(row.recall - want.2) < 1e-12)
            #expect(abs(row.f1 - want.3) < 1e-12)
            #expect(row.support == want.4)
            #expect(row.predicted == want.5)
        }
        // Over the gold classes only (scikit-learn `labels=[negative, neutral, positive]`), not the union.
        #expect(abs(metrics.macroF1 - 0.3722943722943723) < 1e-12)
        #expect(abs(metrics.macroRecall - 0.4222222222222222) < 1e-12)
    }

    @Test("an empty matrix gives zeros, not NaN")
    func empty() {
        let metrics = EvalMetrics(confusion: ConfusionMatrix())
        #expect(metrics.accuracy == 0)
        #expect(metrics.macroF1 == 0)
        #expect(metrics.macroRecall == 0)
        #expect(metrics.classes.isEmpty)
    }

    @Test("Pearson r matches numpy.corrcoef")
    func pearson() throws {
        let scores = [0.9, -0.2, 0.4, 0.0, -0.7, 0.35, 0.1, -0.05]
        let ratings = [3.1, -0.5, 1.2, 0.3, -2.8, 0.0, 1.9, -1.0]
        let r = try #require(EvalMetrics.pearson(scores, ratings))
        #expect(abs(r - 0.8900558252917685) < 1e-12)
    }

    @Test("Pearson r is nil for fewer than 2 pairs, zero variance, or unequal lengths")
    func pearsonUndefined() throws {
        #expect(EvalMetrics.pearson([], []) == nil)
        #expect(EvalMetrics.pearson([1], [2]) == nil)
        #expect(EvalMetrics.pearson([1, 1, 1], [1, 2, 3]) == nil)
        #expect(EvalMetrics.pearson([1, 2, 3], [4, 4, 4]) == nil)
        #expect(EvalMetrics.pearson([1, 2, 3], [1, 2]) == nil)
        #expect(abs(try #require(EvalMetrics.pearson([1, 2], [2, 4])) - 1) < 1e-12)
    }

    @Test("signed score: VADER's compound, else P(positive) − P(negative) by label name")
    func signedScore() {
        let vader = VaderSentimentModel.classification(of: .init(neg: 0.1, neu: 0.5, pos: 0.4, compound: 0.6249))
        #expect(vader.signedScore == 0.6249)
        let named = Classification(sentiment: .positive, confidence: 0.7, scores: [
            LabelScore(label: "negative", value: 0.1), LabelScore(label: "neutral", value: 0.2),
            LabelScore(label: "positive", value: 0.7),
        ])
        #expect(abs(named.signedScore - 0.6) < 1e-12)
        let generic = Classification(sentiment: .negative, confidence: 0.8, scores: [
            LabelScore(label: "LABEL_0", value: 0.8), LabelScore(label: "LABEL_1", value: 0.15),
            LabelScore(label: "LABEL_2", value: 0.05),
        ])
        #expect(abs(generic.signedScore - -0.75) < 1e-12)
        let stars = Classification(sentiment: .positive, confidence: 0.5, scores: [
            LabelScore(label: "1 star", value: 0.05), LabelScore(label: "2 stars", value: 0.05),
            LabelScore(label: "3 stars", value: 0.1), LabelScore(label: "4 stars", value: 0.3),
            LabelScore(label: "5 stars", value: 0.5),
        ])
        #expect(abs(stars.signedScore - 0.7) < 1e-12)
        let binary = Classification(sentiment: .positive, confidence: 0.9, scores: [
            LabelScore(label: "LABEL_0", value: 0.1), LabelScore(label: "LABEL_1", value: 0.9),
        ])
        #expect(abs(binary.signedScore - 0.8) < 1e-12)
    }
}
