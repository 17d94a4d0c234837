import Testing
import ValenceCore
@testable import ValenceEval

/// The real VADER on the real data sets (copied into Fixtures), against the Python vaderSentiment 3.3.2 baselines.
@Suite("End to end with VADER")
struct EndToEndTests {
    @Test("TweetEval sentiment validation: macro recall 0.598, macro F1 0.560, accuracy 0.573")
    func tweetEval() async throws {
        let dataset = try EvalDataset.load(path: TestFiles.fixture("tweeteval-val"))
        #expect(dataset.format == .tweeteval)
        #expect(dataset.examples.count == 2000)
        #expect(dataset.examples.allSatisfy { $0.text.hasSuffix(" ") })
        let report = try await Evaluator.run(model: VaderSentimentModel(), examples: dataset.examples)
        #expect(report.labelledCount == 2000)
        #expect(report.ratedCount == 0)
        #expect(report.pearson == nil)
        #expect(TextTable.decimal(try #require(report.macroRecall)) == "0.598")
        #expect(TextTable.decimal(try #require(report.macroF1)) == "0.560")
        #expect(TextTable.decimal(try #require(report.accuracy)) == "0.573")
        // scikit-learn on the Python reference compounds (Scripts/reference_metrics.py).
        #expect(report.confusionMatrix.counts == [[211, 38, 63], [178, 337, 354], [73, 149, 597]])
        #expect(abs(try #require(report.macroRecall) - 0.5976739505220517) < 1e-9)
        #expect(abs(try #require(report.macroF1) - 0.5601528702511102) < 1e-9)
        #expect(report.accuracy == 0.5725)
    }

    @Test("VaderSentimentModel labels by compound with cut-offs ±0.05")
    func cutOffs() async throws {
        let texts = try EvalDataset.load(path: TestFiles.fixture("tweeteval-val")).examples.map(\.text)
        let results = try await VaderSentimentModel().classify(texts)
        for result in results {
            let compound = result.signedScore
            let expected: Sentiment = compound >= 0.05 ? .positive : compound <= -0.05 ? .negative : .neutral
            #expect(result.sentiment == expected)
        }
    }

    @Test("VADER tweets ground truth: Pearson r of compound against the mean rating")
    func tweetsGroundTruth() async throws {
        let dataset = try EvalDataset.load(path: TestFiles.fixture("tweets_GroundTruth.txt"))
        #expect(dataset.format == .vader)
        #expect(dataset.examples.count == 4200)
        #expect(dataset.examples.first?.id == "1")
        #expect(dataset.examples.last?.text == "Execute like lightning not like wind")
        let report = try await Evaluator.run(model: VaderSentimentModel(), examples: dataset.examples)
        #expect(report.ratedCount == 4200)
        // numpy.corrcoef of the Python reference compounds and the means (Scripts/reference_metrics.py).
        #expect(abs(try #require(report.pearson) - 0.8722170707382919) < 1e-3)
        // Labels from the means (±0.5) against VADER's ±0.05 cut-offs, from the same reference compounds.
        #expect(abs(try #require(report.accuracy) - 0.8235714285714286) < 1e-3)
        #expect(abs(try #require(report.macroF1) - 0.7023807557242462) < 1e-3)
        #expect(abs(try #require(report.macroRecall) - 0.7078817872145929) < 1e-3)
    }
}
