import Foundation
import Testing
import ValenceCore
@testable import ValenceEval

@Suite("Evaluation report")
struct EvalReportTests {
    static let report = EvalReport(
        modelKey: "vader",
        exampleCount: 6,
        metrics: EvalMetrics(pairs: [
            (gold: .negative, predicted: .negative), (gold: .negative, predicted: .neutral),
            (gold: .neutral, predicted: .neutral), (gold: .positive, predicted: .positive),
            (gold: .positive, predicted: .positive), (gold: .positive, predicted: .negative),
        ]),
        ratedCount: 6,
        pearson: -0.12345
    )

    @Test("JSON uses snake_case keys, writes absent values as null, and round-trips")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(Self.report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.keys.sorted() == [
            "accuracy", "confusion_matrix", "example_count", "labelled_count", "macro_f1", "macro_recall",
            "model_key", "pearson", "per_class", "rated_count",
        ])
        let matrix = try #require(object["confusion_matrix"] as? [String: Any])
        #expect(matrix["classes"] as? [String] == ["negative", "neutral", "positive"])
        #expect(matrix["counts"] as? [[Int]] == [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
        let firstClass = try #require((object["per_class"] as? [[String: Any]])?.first)
        #expect(firstClass.keys.sorted() == ["class", "f1", "precision", "predicted", "recall", "support"])
        #expect(try JSONDecoder().decode(EvalReport.self, from: data) == Self.report)

        let unlabelled = EvalReport(modelKey: "m", exampleCount: 1, metrics: nil, ratedCount: 1, pearson: nil)
        let text = String(decoding: try encoder.encode(unlabelled), as: UTF8.self)
        #expect(text.contains("\"accuracy\":null"))
        #expect(text.contains("\"pearson\":null"))
        #expect(try JSONDecoder().decode(EvalReport.self, from: Data(text.utf8)) == unlabelled)
    }

    @Test("rendered text is aligned, with 3 decimals and a gold-by-predicted confusion matrix")
    func rendered() {
        let expected = """
            model         vader
            examples      6 (6 labelled, 6 rated)
            accuracy      0.667
            macro F1      0.656
            macro recall  0.722
            Pearson r     -0.123

            class     precision  recall     F1  support  predicted
            negative      0.500   0.500  0.500        2          2
            neutral       0.500   1.000  0.667        1          2
            positive      1.000   0.667  0.800        3          2

            confusion matrix (rows: gold, columns: predicted)
            gold \\ predicted  negative  neutral  positive
            negative                 1        1         0
            neutral                  0        1         0
            positive                 1        0         2

            """
        #expect(Self.report.rendered() == expected)
    }

    @Test("without labels the text shows the summary only")
    func renderedUnlabelled() {
        let report = EvalReport(modelKey: "m", exampleCount: 3, metrics: nil, ratedCount: 3, pearson: nil)
        #expect(report.rendered() == """
            model      m
            examples   3 (0 labelled, 3 rated)
            Pearson r  n/a (fewer than 2 ratings or no variance)

            """)
    }
}
