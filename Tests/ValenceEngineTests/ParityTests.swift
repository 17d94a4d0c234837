import Foundation
import Testing

@testable import ValenceEngine

/// Logits, probabilities and embeddings of tiny random models against PyTorch float32.
@Suite("Parity with PyTorch transformers")
struct ParityTests {
    static let tolerance: Float = 1e-4
    static let classifiers = ["bert", "distilbert", "roberta", "xlm-roberta"]

    @Test("classifier logits and probabilities match PyTorch, with the prepacked kernels and with OpenBLAS",
          arguments: classifiers, [true, false])
    func classifierParity(model name: String, kernels: Bool) throws {
        let model = try EncoderModel(directory: Fixtures.folder(name), kernels: kernels)
        let expected = try Fixtures.expected(name)
        #expect(model.hasClassifier)
        #expect(model.configuration.labels == expected.labels)
        #expect(model.configuration.isMultiLabel == (expected.problemType == "multi_label_classification"))
        #expect(model.configuration.maxSequenceLength == expected.maxLength)
        for test in expected.cases {
            let logits = try model.logitsSync(test.inputIDs)
            let delta = maxAbsoluteDifference(logits, try #require(test.logits))
            #expect(delta <= Self.tolerance, "\(name) / \(test.name): max |Δlogit| = \(delta)")
            let probabilities = logits.map(model.probabilities(fromLogits:))
            let probabilityDelta = maxAbsoluteDifference(probabilities, try #require(test.probabilities))
            #expect(probabilityDelta <= Self.tolerance, "\(name) / \(test.name): max |Δp| = \(probabilityDelta)")
        }
    }

    @Test("mean-pooled embeddings match PyTorch", arguments: classifiers + ["bert-embedder"])
    func embeddingParity(model name: String) throws {
        let model = try EncoderModel(directory: Fixtures.folder(name))
        for test in try Fixtures.expected(name).cases {
            let delta = maxAbsoluteDifference(try model.embeddingsSync(test.inputIDs), test.embeddings)
            #expect(delta <= Self.tolerance, "\(name) / \(test.name): max |Δ| = \(delta)")
        }
    }

    @Test("a bare encoder has no head and no labels")
    func bareEncoder() throws {
        let model = try EncoderModel(directory: Fixtures.folder("bert-embedder"))
        #expect(!model.hasClassifier)
        #expect(model.configuration.labels.isEmpty)
        #expect(throws: EngineError.noClassifier) { try model.logitsSync([[2, 5, 3]]) }
    }

    @Test("async API gives the sync results, also under concurrent callers")
    func asyncMatchesSync() async throws {
        let model = try EncoderModel(directory: Fixtures.folder("roberta"))
        let expected = try Fixtures.expected("roberta")
        try await withThrowingTaskGroup(of: Float.self) { group in
            for test in expected.cases {
                group.addTask {
                    maxAbsoluteDifference(try await model.logits(test.inputIDs), try #require(test.logits))
                }
                group.addTask {
                    maxAbsoluteDifference(try await model.embeddings(test.inputIDs), test.embeddings)
                }
            }
            for try await delta in group {
                #expect(delta <= Self.tolerance)
            }
        }
    }

    @Test("small token budgets split batches without changing results")
    func tokenBudgetSplitting() throws {
        let folder = try Fixtures.folder("bert")
        let whole = try EncoderModel(directory: folder)
        let split = try EncoderModel(directory: folder, tokenBudget: 20)
        let batch = try Fixtures.expected("bert").cases.flatMap(\.inputIDs)
        let delta = maxAbsoluteDifference(try split.logitsSync(batch), try whole.logitsSync(batch))
        #expect(delta <= 1e-6)
    }

    @Test("bad inputs are rejected with the sequence index")
    func invalidInputs() throws {
        let model = try EncoderModel(directory: Fixtures.folder("roberta"))
        let maximum = model.configuration.maxSequenceLength
        #expect(try model.logitsSync([]).isEmpty)
        #expect(throws: EngineError.emptySequence(index: 1)) { try model.logitsSync([[0, 2], []]) }
        #expect(throws: EngineError.sequenceTooLong(index: 0, length: maximum + 1, maximum: maximum)) {
            try model.logitsSync([[Int32](repeating: 5, count: maximum + 1)])
        }
        #expect(throws: EngineError.tokenOutOfRange(index: 0, token: 120, vocabularySize: 120)) {
            try model.logitsSync([[0, 120, 2]])
        }
    }
}
