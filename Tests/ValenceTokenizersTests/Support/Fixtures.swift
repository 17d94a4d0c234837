import Foundation
@testable import ValenceTokenizers

/// Access to the committed fixtures (written by `Fixtures/make_fixtures.py`).
enum Fixtures {
    static let directory: URL = {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            fatalError("the Fixtures resource folder is missing from the test bundle")
        }
        return url
    }()

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// The fixture names listed in manifest.json.
    static let names: [String] = {
        guard let data = try? Data(contentsOf: url("manifest.json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.compactMap { $0["name"] as? String }
    }()

    /// The contents of `<name>.tokenizer.json` (stored gzip-compressed).
    static func tokenizerData(_ name: String) throws -> Data {
        Data(try Gzip.decompress([UInt8](Data(contentsOf: url("\(name).tokenizer.json.gz")))))
    }

    static func tokenizer(_ name: String) throws -> Tokenizer {
        try Tokenizer(json: tokenizerData(name))
    }

    static func tokenizerJSON(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: tokenizerData(name)) as? [String: Any] ?? [:]
    }

    /// One expected encoding.
    struct Case: Sendable {
        var line: Int
        var text: String
        var maxLength: Int?
        var expected: Encoding
    }

    /// A line of `<name>.expected.jsonl.gz`. Decoded with `JSONDecoder`: `JSONSerialization` drops a
    /// U+FEFF at the start of a string value, and the fixtures have such texts.
    private struct Row: Decodable {
        var text: String
        var max_length: Int?
        var input_ids: [Int32]
        var attention_mask: [Int32]
        var token_type_ids: [Int32]
    }

    static func cases(_ name: String) throws -> [Case] {
        let compressed = try Data(contentsOf: url("\(name).expected.jsonl.gz"))
        let raw = try Gzip.decompress([UInt8](compressed))
        let decoder = JSONDecoder()
        var result: [Case] = []
        for (index, line) in raw.split(separator: UInt8(ascii: "\n")).enumerated() {
            let row = try decoder.decode(Row.self, from: Data(line))
            result.append(Case(
                line: index + 1,
                text: row.text,
                maxLength: row.max_length,
                expected: Encoding(ids: row.input_ids, attentionMask: row.attention_mask, typeIds: row.token_type_ids)
            ))
        }
        return result
    }

    /// A batch expectation from `<name>.batch.json`.
    struct Batch: Sendable {
        var texts: [String]
        var maxLength: Int?
        var expected: [Encoding]
    }

    private struct BatchRow: Decodable {
        var texts: [String]
        var max_length: Int?
        var input_ids: [[Int32]]
        var attention_mask: [[Int32]]
        var token_type_ids: [[Int32]]
    }

    static func batches(_ name: String) throws -> [Batch] {
        let data = try Data(contentsOf: url("\(name).batch.json"))
        return try JSONDecoder().decode([BatchRow].self, from: data).map { row in
            Batch(
                texts: row.texts,
                maxLength: row.max_length,
                expected: row.input_ids.indices.map {
                    Encoding(ids: row.input_ids[$0], attentionMask: row.attention_mask[$0], typeIds: row.token_type_ids[$0])
                }
            )
        }
    }
}

/// A readable description of a text for failure messages (escapes invisible characters).
func describe(_ text: String, limit: Int = 120) -> String {
    var out = ""
    for scalar in text.unicodeScalars.prefix(limit) {
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.properties.generalCategory == .format {
            out += String(format: "\\u{%X}", scalar.value)
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return text.unicodeScalars.count > limit ? out + "…(\(text.unicodeScalars.count) scalars)" : out
}
