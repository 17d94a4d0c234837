import Foundation
import Testing
@testable import ValenceTokenizers

/// Loading: unknown components fail loudly, the entry points agree, the accessors answer.
@Suite("Loading tokenizer.json")
struct LoadingTests {
    /// The MiniLM tokenizer.json with one component replaced.
    private func minilm(replacing key: String, with value: Any) throws -> Data {
        var json = try Fixtures.tokenizerJSON("minilm-wordpiece")
        json[key] = value
        return try JSONSerialization.data(withJSONObject: json)
    }

    @Test("an unknown component type is an error naming it", arguments: [
        ("normalizer", "FancyNormalizer"),
        ("pre_tokenizer", "FancySplitter"),
        ("post_processor", "FancyProcessor"),
    ])
    func unknownComponent(key: String, type: String) throws {
        let data = try minilm(replacing: key, with: ["type": type])
        #expect {
            try Tokenizer(json: data)
        } throws: { error in
            guard let error = error as? TokenizerError, case .unsupportedComponent(_, let named) = error else { return false }
            return named == type && error.description.contains(type)
        }
    }

    @Test("an unknown type nested in a Sequence is an error naming it")
    func unknownNested() throws {
        let data = try minilm(replacing: "normalizer", with: ["type": "Sequence", "normalizers": [["type": "NFC"], ["type": "Mystery"]]])
        #expect(throws: TokenizerError.unsupportedComponent(kind: "normalizer", type: "Mystery")) { try Tokenizer(json: data) }
    }

    @Test("an unknown model type is an error naming it")
    func unknownModel() throws {
        let data = try minilm(replacing: "model", with: ["type": "CharLevel", "vocab": [:] as [String: Int]])
        #expect(throws: TokenizerError.unsupportedComponent(kind: "model", type: "CharLevel")) { try Tokenizer(json: data) }
    }

    @Test("malformed files are errors")
    func malformed() {
        #expect(throws: TokenizerError.self) { try Tokenizer(json: Data("[1, 2]".utf8)) }
        #expect(throws: TokenizerError.self) { try Tokenizer(json: Data("{".utf8)) }
        #expect(throws: TokenizerError.self) { try Tokenizer(json: Data("{\"normalizer\": null}".utf8)) }
        #expect(throws: TokenizerError.self) { try Tokenizer(directory: URL(fileURLWithPath: "/nonexistent-valence-dir")) }
    }

    @Test("a merge whose parts are outside the vocabulary is an error")
    func badMerge() throws {
        var json = try Fixtures.tokenizerJSON("bpe-bytelevel")
        var model = try #require(json["model"] as? [String: Any])
        model["merges"] = [["not-a-token", "x"]]
        json["model"] = model
        let data = try JSONSerialization.data(withJSONObject: json)
        #expect(throws: TokenizerError.self) { try Tokenizer(json: data) }
    }

    @Test("contentsOf, directory and json load the same tokenizer")
    func entryPoints() throws {
        let data = try Fixtures.tokenizerData("bpe-bytelevel")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("valence-tok-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("tokenizer.json")
        try data.write(to: url)
        let text = "Hello <mask> world, it's 2024 😀"
        let a = try Tokenizer(contentsOf: url).encode(text)
        let b = try Tokenizer(directory: folder).encode(text)
        let c = try Tokenizer(json: data).encode(text)
        #expect(a == b)
        #expect(b == c)
    }

    @Test("accessors: token ids, pad id, truncation length")
    func accessors() throws {
        let bert = try Fixtures.tokenizer("minilm-wordpiece")
        #expect(bert.id(forToken: "[CLS]") == 101)
        #expect(bert.id(forToken: "hello") == 7592)
        #expect(bert.id(forToken: "##ing") == 2075)
        #expect(bert.id(forToken: "no-such-token-here") == nil)
        #expect(bert.padTokenId == 0)
        #expect(bert.truncationMaxLength == 128)

        let bpe = try Fixtures.tokenizer("bpe-bytelevel")
        #expect(bpe.padTokenId == bpe.id(forToken: "<pad>"))
        #expect(bpe.truncationMaxLength == nil)
        #expect(bpe.id(forToken: "<mask>") != nil)
        #expect(bpe.id(forToken: "valence") != nil)
    }

    @Test("the string and pair forms of BPE merges give the same ids")
    func mergeForms() throws {
        var json = try Fixtures.tokenizerJSON("bpe-bytelevel")
        var model = try #require(json["model"] as? [String: Any])
        let pairs = try #require(model["merges"] as? [[String]])
        model["merges"] = pairs.map { $0.joined(separator: " ") }
        json["model"] = model
        let stringForm = try Tokenizer(json: JSONSerialization.data(withJSONObject: json))
        let pairForm = try Fixtures.tokenizer("bpe-bytelevel")
        for item in try Fixtures.cases("bpe-bytelevel").prefix(500) {
            #expect(stringForm.encode(item.text) == pairForm.encode(item.text))
        }
    }

    @Test("explicit maxLength overrides the file's truncation; no truncation without either")
    func truncation() throws {
        let bert = try Fixtures.tokenizer("minilm-wordpiece")
        let long = String(repeating: "word ", count: 400)
        #expect(bert.encode(long).count == 128)
        #expect(bert.encode(long, maxLength: 16).count == 16)
        #expect(bert.encode(long, maxLength: 16).ids.last == 102)
        #expect(bert.encode(long, maxLength: 1000).count == 402)
        let bpe = try Fixtures.tokenizer("bpe-bytelevel")
        #expect(bpe.encode(long).count > 400)
        #expect(bpe.encode("").ids == [0, 2])
    }

    @Test("encodeBatch masks padding and keeps each row's ids")
    func batch() throws {
        let bert = try Fixtures.tokenizer("minilm-wordpiece")
        let texts = ["short", "a somewhat longer text here", ""]
        let batch = bert.encodeBatch(texts)
        #expect(Set(batch.map(\.count)).count == 1)
        for (text, row) in zip(texts, batch) {
            let single = bert.encode(text)
            #expect(Array(row.ids.prefix(single.count)) == single.ids)
            #expect(row.attentionMask == Array(repeating: 1, count: single.count) + Array(repeating: 0, count: row.count - single.count))
            #expect(row.ids.dropFirst(single.count).allSatisfy { $0 == bert.padTokenId })
        }
        #expect(bert.encodeBatch([]).isEmpty)
    }
}
