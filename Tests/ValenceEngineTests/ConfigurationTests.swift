import Foundation
import Testing

@testable import ValenceEngine

@Suite("config.json decoding")
struct ConfigurationTests {
    func decode(_ json: String) throws -> ModelConfiguration {
        try JSONDecoder().decode(ModelConfiguration.self, from: Data(json.utf8))
    }

    @Test("DistilBERT's own key names")
    func distilbertKeys() throws {
        let c = try ModelConfiguration(contentsOf: Fixtures.folder("distilbert").appendingPathComponent("config.json"))
        #expect(c.modelType == .distilbert)
        #expect((c.hiddenSize, c.layerCount, c.headCount, c.intermediateSize) == (48, 2, 3, 96))
        #expect(c.typeVocabularySize == 0 && c.positionOffset == 0 && c.layerNormEpsilon == 1e-12)
        #expect(c.labels == ["negative", "neutral", "positive"])
        #expect(c.labelIDs == ["negative": 0, "neutral": 1, "positive": 2])
    }

    @Test("RoBERTa positions start after padding_idx")
    func robertaOffset() throws {
        let c = try ModelConfiguration(contentsOf: Fixtures.folder("roberta").appendingPathComponent("config.json"))
        #expect(c.padTokenID == 1 && c.positionOffset == 2)
        #expect(c.maxPositions == 34 && c.maxSequenceLength == 32)
        #expect(c.activation == .geluTanh && c.layerNormEpsilon == 1e-5)
        #expect(!c.isMultiLabel)
    }

    @Test("XLM-R multi-label with ReLU")
    func xlmRoberta() throws {
        let c = try ModelConfiguration(contentsOf: Fixtures.folder("xlm-roberta").appendingPathComponent("config.json"))
        #expect(c.modelType == .xlmRoberta && c.isMultiLabel && c.activation == .relu)
    }

    @Test("id2label is read in id order; HF's default labels when absent")
    func labelOrder() throws {
        let c = try decode(#"{"model_type":"bert","id2label":{"2":"c","0":"a","1":"b"}}"#)
        #expect(c.labels == ["a", "b", "c"])
        #expect(try decode(#"{"model_type":"bert"}"#).labels == ["LABEL_0", "LABEL_1"])
        #expect(try decode(#"{"model_type":"bert","hidden_act":"gelu_new"}"#).activation == .geluTanh)
    }

    @Test("unsupported values are invalid configurations", arguments: [
        #"{"model_type":"gpt2"}"#,
        #"{"hidden_size":768}"#,
        #"{"model_type":"bert","hidden_act":"swish"}"#,
        #"{"model_type":"bert","hidden_size":100,"num_attention_heads":12}"#,
        #"{"model_type":"bert","id2label":{"0":"a","5":"b"}}"#,
        #"{"model_type":"bert","problem_type":"ranking"}"#,
    ])
    func invalid(json: String) {
        #expect {
            try decode(json)
        } throws: { error in
            if case .invalidConfiguration = error as? EngineError { true } else { false }
        }
    }
}
