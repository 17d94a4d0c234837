import Foundation

/// The model of a `tokenizer.json` (`"model"`): turns one pre-tokenized piece into ids.
protocol TokenModel: Sendable {
    /// Appends the ids of `word` (UTF-8, never empty) to `ids`.
    func tokenize(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32])
    /// The id of a vocabulary entry.
    func id(forToken token: String) -> Int32?
    /// The number of vocabulary entries (added tokens not counted).
    var vocabularySize: Int { get }
}

/// Builds models from their JSON description.
enum ModelFactory {
    static func make(_ json: JSONObject) throws -> any TokenModel {
        // Old files have no "type"; the Rust crate then tries each model's fields in turn.
        let type = json.type ?? inferType(json)
        switch type {
        case "WordPiece": return try WordPieceModel(json: json)
        case "BPE": return try BPEModel(json: json)
        case "Unigram": return try UnigramModel(json: json)
        case "WordLevel": return try WordLevelModel(json: json)
        default: throw TokenizerError.unsupportedComponent(kind: "model", type: type)
        }
    }

    private static func inferType(_ json: JSONObject) -> String {
        if json.has("merges") { return "BPE" }
        if json.raw["vocab"] is [Any] { return "Unigram" }
        if json.has("continuing_subword_prefix") || json.has("max_input_chars_per_word") { return "WordPiece" }
        return "WordLevel"
    }

    /// Reads a `{"token": id}` vocabulary.
    static func vocabulary(_ json: JSONObject) throws -> [(String, Int32)] {
        guard let raw = json.raw["vocab"] as? [String: Any] else {
            throw TokenizerError.invalidField(component: json.context, field: "vocab")
        }
        var entries: [(String, Int32)] = []
        entries.reserveCapacity(raw.count)
        for (token, value) in raw {
            guard let number = (value as? NSNumber)?.intValue else { throw TokenizerError.invalidField(component: json.context, field: "vocab[\(token)]") }
            entries.append((token, Int32(number)))
        }
        // Deterministic order: by id.
        entries.sort { $0.1 < $1.1 }
        return entries
    }
}

/// `WordLevel`: one id per whole piece, or the unknown token.
struct WordLevelModel: TokenModel {
    let vocab: VocabTable
    let unkId: Int32?

    init(json: JSONObject) throws {
        let vocab = VocabTable(try ModelFactory.vocabulary(json))
        self.vocab = vocab
        unkId = json.optionalString("unk_token").flatMap { vocab.id($0) }
    }

    func tokenize(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        if let id = vocab.id(word) {
            ids.append(id)
        } else if let unkId {
            ids.append(unkId)
        }
    }

    func id(forToken token: String) -> Int32? { vocab.id(token) }
    var vocabularySize: Int { vocab.count }
}
