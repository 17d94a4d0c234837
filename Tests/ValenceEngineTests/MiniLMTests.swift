import Foundation
import Testing

@testable import ValenceEngine

/// The real all-MiniLM-L6-v2 against sentence-transformers. The 90 MB weights are not committed:
/// `export VALENCE_MINILM_DIR="$(scripts/fetch-minilm.sh)"` enables this suite.
@Suite("all-MiniLM-L6-v2 embeddings")
struct MiniLMTests {
    static let directory = ProcessInfo.processInfo.environment["VALENCE_MINILM_DIR"]

    struct Reference: Decodable {
        var texts: [String]
        var inputIDs: [[Int32]]
        var embeddings: [[Float]]
        enum CodingKeys: String, CodingKey {
            case texts, embeddings
            case inputIDs = "input_ids"
        }
    }

    @Test(
        "embeddings match sentence-transformers within 1e-4",
        .enabled(if: directory != nil, "VALENCE_MINILM_DIR is not set; run scripts/fetch-minilm.sh to enable")
    )
    func minilmParity() async throws {
        let model = try EncoderModel(directory: URL(fileURLWithPath: try #require(Self.directory)))
        #expect(!model.hasClassifier)
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("minilm-expected.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        // One batch of all texts, and one text at a time: packing must not change anything.
        let batched = try await model.embeddings(reference.inputIDs)
        let batchedDelta = maxAbsoluteDifference(batched, reference.embeddings)
        #expect(batchedDelta <= 1e-4, "max |Δ| batched = \(batchedDelta)")
        var worst: Float = 0
        for (ids, expected) in zip(reference.inputIDs, reference.embeddings) {
            worst = max(worst, maxAbsoluteDifference(try model.embeddingsSync([ids]), [expected]))
        }
        #expect(worst <= 1e-4, "max |Δ| one at a time = \(worst)")
    }
}
