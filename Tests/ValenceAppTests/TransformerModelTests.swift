import Foundation
import Testing
import ValenceApp
import ValenceCore

/// The tiny HuggingFace folders made by `Fixtures/models/make_models.py`, with PyTorch's outputs.
enum TinyModels {
    static let names = ["tiny-bert-wordpiece", "tiny-roberta-bpe", "tiny-xlmr-unigram"]

    static func directory(_ name: String) throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent("models").appendingPathComponent(name)
    }

    struct Expected: Decodable {
        var text: String
        var inputIds: [Int32]
        var logits: [Float]
        var probabilities: [Float]

        enum CodingKeys: String, CodingKey {
            case text, logits, probabilities
            case inputIds = "input_ids"
        }
    }

    static func expected(_ name: String) throws -> [Expected] {
        let data = try Data(contentsOf: directory(name).appendingPathComponent("expected.jsonl"))
        return try data.split(separator: UInt8(ascii: "\n")).map { try JSONDecoder().decode(Expected.self, from: Data($0)) }
    }
}

@Suite("Transformer models end to end: tokenizer.json + safetensors against PyTorch")
struct TransformerModelTests {
    @Test("ids, logits and probabilities match PyTorch text by text", arguments: TinyModels.names)
    func oneByOne(name: String) throws {
        let model = try TransformerModel(directory: TinyModels.directory(name))
        #expect(model.maxLength == 64)
        for expected in try TinyModels.expected(name) {
            #expect(model.tokenize([expected.text])[0] == expected.inputIds, "ids of \(expected.text.debugDescription)")
            let result = try #require(try model.score([expected.text]).first)
            let logits = try #require(result.logits)
            #expect(zip(logits, expected.logits).allSatisfy { abs($0 - $1) <= 1e-4 }, "logits of \(expected.text.debugDescription): \(logits) vs \(expected.logits)")
            #expect(zip(result.scores.map(\.value), expected.probabilities).allSatisfy { abs($0 - Double($1)) <= 1e-4 })
        }
    }

    @Test("a whole window (several packed passes) gives the same logits", arguments: TinyModels.names)
    func batched(name: String) throws {
        let model = try TransformerModel(directory: TinyModels.directory(name), tokenBudget: 128)
        let expected = try TinyModels.expected(name)
        let results = try model.score(expected.map(\.text))
        #expect(results.count == expected.count)
        for (result, reference) in zip(results, expected) {
            let logits = try #require(result.logits)
            #expect(zip(logits, reference.logits).allSatisfy { abs($0 - $1) <= 1e-4 }, "\(reference.text.debugDescription)")
        }
    }

    @Test("labels map to sentiments: negative/neutral/positive, NEGATIVE/POSITIVE, stars")
    func labels() throws {
        let bert = try TransformerModel(directory: TinyModels.directory("tiny-bert-wordpiece")).score(["good"])[0]
        #expect(bert.scores.map(\.label) == ["negative", "neutral", "positive"])
        let roberta = try TransformerModel(directory: TinyModels.directory("tiny-roberta-bpe")).score(["good"])[0]
        #expect(roberta.scores.map(\.label) == ["NEGATIVE", "POSITIVE"])
        #expect([Sentiment.negative, .positive].contains(roberta.sentiment))
        let stars = try TransformerModel(directory: TinyModels.directory("tiny-xlmr-unigram")).score(["good"])[0]
        #expect(stars.scores.map(\.label) == ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"])
        #expect(abs(stars.scores.map(\.value).reduce(0, +) - 1) < 1e-5)
    }

    @Test("an explicit --max-length truncates")
    func maxLength() throws {
        let model = try TransformerModel(directory: TinyModels.directory("tiny-bert-wordpiece"), maxLength: 5)
        let long = String(repeating: "happy days ", count: 40)
        #expect(model.tokenize([long])[0].count == 5)
    }

    @Test("a folder without weights fails with a clear error")
    func missingFiles() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("valence-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: (any Error).self) { try TransformerModel(directory: empty) }
    }
}
