import Foundation
import Testing
@testable import ValenceTokenizers

/// DESIGN.md section 3, "Maximum length".
@Suite("Maximum length resolution")
struct MaxLengthTests {
    /// A model folder with the given JSON files and the tokenizer of a fixture.
    private func folder(fixture: String, truncation: Int?, files: [String: [String: Any]]) throws -> (URL, Tokenizer) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("valence-maxlen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        var json = try Fixtures.tokenizerJSON(fixture)
        json["truncation"] = truncation.map { ["max_length": $0, "strategy": "LongestFirst", "stride": 0, "direction": "Right"] } ?? NSNull()
        try JSONSerialization.data(withJSONObject: json).write(to: url.appendingPathComponent("tokenizer.json"))
        for (name, object) in files {
            try JSONSerialization.data(withJSONObject: object).write(to: url.appendingPathComponent(name))
        }
        return (url, try Tokenizer(directory: url))
    }

    @Test("--max-length wins")
    func explicit() throws {
        let (url, tokenizer) = try folder(fixture: "minilm-wordpiece", truncation: 128, files: [:])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(MaxLength.resolve(explicit: 64, directory: url, tokenizer: tokenizer) == 64)
    }

    @Test("then tokenizer.json's truncation")
    func fromTruncation() throws {
        let (url, tokenizer) = try folder(fixture: "minilm-wordpiece", truncation: 128,
                                          files: ["tokenizer_config.json": ["model_max_length": 512]])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(MaxLength.resolve(explicit: nil, directory: url, tokenizer: tokenizer) == 128)
    }

    @Test("then model_max_length when it fits the positions")
    func fromConfig() throws {
        let (url, tokenizer) = try folder(fixture: "minilm-wordpiece", truncation: nil, files: [
            "tokenizer_config.json": ["model_max_length": 512],
            "config.json": ["model_type": "bert", "max_position_embeddings": 512],
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(MaxLength.resolve(explicit: nil, directory: url, tokenizer: tokenizer) == 512)
    }

    @Test("an insane model_max_length falls back to the positions, less RoBERTa's offset")
    func roberta() throws {
        let (url, tokenizer) = try folder(fixture: "bpe-bytelevel", truncation: nil, files: [
            "tokenizer_config.json": ["model_max_length": 1e30],
            "config.json": ["model_type": "roberta", "max_position_embeddings": 514],
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(MaxLength.resolve(explicit: nil, directory: url, tokenizer: tokenizer) == 512)
    }

    @Test("model_max_length larger than the positions is not trusted")
    func tooLarge() throws {
        let (url, tokenizer) = try folder(fixture: "unigram-precompiled", truncation: nil, files: [
            "tokenizer_config.json": ["model_max_length": 1024],
            "config.json": ["model_type": "xlm-roberta", "max_position_embeddings": 514],
        ])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(MaxLength.resolve(explicit: nil, directory: url, tokenizer: tokenizer) == 512)
    }

    @Test("model_max_length alone, positions alone, nothing at all")
    func partial() throws {
        let (a, ta) = try folder(fixture: "minilm-wordpiece", truncation: nil, files: ["tokenizer_config.json": ["model_max_length": 256]])
        defer { try? FileManager.default.removeItem(at: a) }
        #expect(MaxLength.resolve(explicit: nil, directory: a, tokenizer: ta) == 256)
        let (b, tb) = try folder(fixture: "minilm-wordpiece", truncation: nil, files: ["config.json": ["model_type": "distilbert", "max_position_embeddings": 512]])
        defer { try? FileManager.default.removeItem(at: b) }
        #expect(MaxLength.resolve(explicit: nil, directory: b, tokenizer: tb) == 512)
        let (c, tc) = try folder(fixture: "minilm-wordpiece", truncation: nil, files: [:])
        defer { try? FileManager.default.removeItem(at: c) }
        #expect(MaxLength.resolve(explicit: nil, directory: c, tokenizer: tc) == nil)
    }
}
