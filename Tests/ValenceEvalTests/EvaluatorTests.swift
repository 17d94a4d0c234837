import Synchronization
import Testing
import ValenceCore
@testable import ValenceEval

@Suite("Evaluator")
struct EvaluatorTests {
    static let examples = [
        EvalExample(id: "1", text: "good film", label: .positive, rating: 3),
        EvalExample(id: "2", text: "bad film", label: .negative, rating: -2),
        EvalExample(id: "3", text: "good grief", label: .negative, rating: nil),
        EvalExample(id: "4", text: "a film", label: nil, rating: 0.5),
        EvalExample(id: "5", text: "bad day", label: .neutral, rating: -1),
    ]

    @Test("classifies in batches, reports progress after each, and scores labels and ratings")
    func batches() async throws {
        let model = StubModel()
        let progress = Mutex<[Int]>([])
        let report = try await Evaluator.run(model: model, examples: Self.examples, batchSize: 2) { done in
            progress.withLock { $0.append(done) }
        }
        #expect(model.batches.withLock { $0 } == [2, 2, 1])
        #expect(progress.withLock { $0 } == [2, 4, 5])
        #expect(report.modelKey == "stub")
        #expect(report.exampleCount == 5)
        #expect(report.labelledCount == 4)
        #expect(report.ratedCount == 4)
        #expect(report.accuracy == 0.5)
        #expect(report.confusionMatrix.counts == [[1, 0, 1], [1, 0, 0], [0, 0, 1]])
        let expected = EvalMetrics(pairs: [
            (gold: .positive, predicted: .positive), (gold: .negative, predicted: .negative),
            (gold: .negative, predicted: .positive), (gold: .neutral, predicted: .negative),
        ])
        #expect(report.macroF1 == expected.macroF1)
        #expect(report.macroRecall == expected.macroRecall)
        #expect(report.perClass == expected.classes)
        #expect(report.pearson == EvalMetrics.pearson([0.5, -0.5, 0, -0.5], [3, -2, 0.5, -1]))
    }

    @Test("ratings only: no classification metrics, Pearson r still")
    func ratingsOnly() async throws {
        let examples = Self.examples.map { EvalExample(id: $0.id, text: $0.text, label: nil, rating: $0.rating) }
        let report = try await Evaluator.run(model: StubModel(), examples: examples)
        #expect(report.labelledCount == 0)
        #expect(report.accuracy == nil)
        #expect(report.macroF1 == nil)
        #expect(report.perClass.isEmpty)
        #expect(report.confusionMatrix == ConfusionMatrix())
        #expect(report.pearson != nil)
    }

    @Test("bad batch sizes, empty or unscorable data, and short model answers are errors")
    func errors() async throws {
        await #expect(throws: EvaluationError.invalidBatchSize(0)) {
            try await Evaluator.run(model: StubModel(), examples: Self.examples, batchSize: 0)
        }
        await #expect(throws: EvaluationError.noExamples) {
            try await Evaluator.run(model: StubModel(), examples: [])
        }
        await #expect(throws: EvaluationError.nothingToCompare) {
            try await Evaluator.run(model: StubModel(), examples: [EvalExample(id: "1", text: "x", label: nil, rating: nil)])
        }
        await #expect(throws: EvaluationError.resultCountMismatch(model: "stub", expected: 3, received: 2)) {
            try await Evaluator.run(model: StubModel(droppedPerBatch: 1), examples: Self.examples, batchSize: 3)
        }
        #expect(EvaluationError.resultCountMismatch(model: "stub", expected: 3, received: 2).description
            == "the model 'stub' returned 2 classifications for 3 texts")
    }
}
