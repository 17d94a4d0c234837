import Foundation

/// A HuggingFace `tokenizer.json`, loaded for encoding: produces exactly the ids, attention masks
/// and type ids of the Python `tokenizers` library (`Tokenizer.from_file(...).encode(text)`).
///
/// Supported: normalizers BertNormalizer, NFC/NFD/NFKC/NFKD, Lowercase, Strip, StripAccents, Replace,
/// Prepend, Precompiled, Nmt, ByteLevel, Sequence; pre-tokenizers BertPreTokenizer, ByteLevel,
/// Metaspace, Whitespace, WhitespaceSplit, Punctuation, Split, Digits, CharDelimiterSplit, Sequence;
/// models WordPiece, BPE, Unigram, WordLevel; post-processors BertProcessing, RobertaProcessing,
/// TemplateProcessing, ByteLevel, Sequence; added tokens; truncation. Anything else fails at load
/// with ``TokenizerError/unsupportedComponent(kind:type:)``. Thread-safe.
public final class Tokenizer: Sendable {
    let normalizer: (any TextNormalizer)?
    let preTokenizer: (any PreTokenizer)?
    let model: any TokenModel
    let postProcessor: (any PostProcessor)?
    /// Added tokens matched in the raw text (`normalized: false`).
    let rawMatcher: AddedTokenMatcher
    /// Added tokens matched in the normalized text (`normalized: true`).
    let normalizedMatcher: AddedTokenMatcher
    let addedTokens: [String: Int32]
    let truncation: TruncationSettings?
    let padding: PaddingSettings?

    /// The id `encodeBatch` pads with: `padding.pad_id` from tokenizer.json, else the id of a
    /// conventional pad token (`[PAD]`, `<pad>`, …), else 0.
    public let padTokenId: Int32

    /// Loads a `tokenizer.json` file.
    public convenience init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TokenizerError.missingFile(url.path)
        }
        try self.init(json: data)
    }

    /// Loads `tokenizer.json` from a model folder.
    public convenience init(directory: URL) throws {
        try self.init(contentsOf: directory.appendingPathComponent("tokenizer.json"))
    }

    /// Loads a tokenizer from the contents of a `tokenizer.json`.
    public init(json data: Data) throws {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw TokenizerError.invalidJSON(String(describing: error))
        }
        guard let root = parsed as? [String: Any] else { throw TokenizerError.invalidJSON("the top level is not an object") }
        let json = JSONObject(raw: root, context: "tokenizer")

        normalizer = try json.optionalObject("normalizer").map { try NormalizerFactory.make($0) }
        preTokenizer = try json.optionalObject("pre_tokenizer").map { try PreTokenizerFactory.make($0) }
        guard let modelJSON = json.optionalObject("model") else { throw TokenizerError.invalidField(component: "tokenizer", field: "model") }
        let model = try ModelFactory.make(modelJSON)
        self.model = model
        postProcessor = try json.optionalObject("post_processor").map { try PostProcessorFactory.make($0) }
        truncation = try json.optionalObject("truncation").map { try TruncationSettings(json: $0) }
        padding = json.optionalObject("padding").map { PaddingSettings(json: $0) }

        // Added tokens: an entry already in the model's vocabulary keeps the model's id.
        var tokens: [AddedToken] = []
        if json.has("added_tokens") {
            for entry in try json.objects("added_tokens") {
                var token = try AddedToken(json: entry)
                if let id = model.id(forToken: token.content) { token.id = id }
                if !tokens.contains(token) { tokens.append(token) }
            }
        }
        var addedTokens: [String: Int32] = [:]
        for token in tokens where addedTokens[token.content] == nil { addedTokens[token.content] = token.id }
        self.addedTokens = addedTokens
        let raw = tokens.filter { !$0.normalized }
        rawMatcher = AddedTokenMatcher(tokens: raw, patterns: raw.map { Array($0.content.utf8) })
        let normalizedTokens = tokens.filter(\.normalized)
        let normalizer = normalizer
        normalizedMatcher = AddedTokenMatcher(
            tokens: normalizedTokens,
            patterns: normalizedTokens.map { token in
                let bytes = Array(token.content.utf8)
                return normalizer?.normalize(bytes) ?? bytes
            }
        )

        if let padding {
            padTokenId = padding.padId
        } else {
            let candidates = ["[PAD]", "<pad>", "<|padding|>", "<|pad|>"]
            padTokenId = candidates.lazy.compactMap { addedTokens[$0] ?? model.id(forToken: $0) }.first ?? 0
        }
    }

    /// The `max_length` of tokenizer.json's `"truncation"`, nil when it has none.
    public var truncationMaxLength: Int? { truncation?.maxLength }

    /// The id of a token: an added token or a vocabulary entry.
    public func id(forToken token: String) -> Int32? {
        addedTokens[token] ?? model.id(forToken: token)
    }

    /// Encodes one text: special tokens added, truncated to `maxLength` (or, when nil, to
    /// tokenizer.json's truncation length, if any); never padded.
    public func encode(_ text: String, maxLength: Int? = nil) -> Encoding {
        var ids = tokenIds(text)
        let limit = maxLength ?? truncation?.maxLength
        if let limit {
            let room = max(0, limit - (postProcessor?.addedTokenCount ?? 0))
            (truncation ?? TruncationSettings(maxLength: limit)).truncate(&ids, to: room)
        }
        var typeIds = [Int32](repeating: 0, count: ids.count)
        postProcessor?.process(ids: &ids, typeIds: &typeIds)
        return Encoding(ids: ids, attentionMask: [Int32](repeating: 1, count: ids.count), typeIds: typeIds)
    }

    /// Encodes texts and pads them to the longest with the pad token (attention mask 0 there),
    /// on the side tokenizer.json's `"padding"` names (right by default), with its `pad_type_id`.
    /// Its strategy (fixed length) and `pad_to_multiple_of` are not applied.
    public func encodeBatch(_ texts: [String], maxLength: Int? = nil) -> [Encoding] {
        var encodings = texts.map { encode($0, maxLength: maxLength) }
        let longest = encodings.map(\.count).max() ?? 0
        let settings = padding ?? PaddingSettings(padId: padTokenId)
        for k in encodings.indices where encodings[k].count < longest {
            let missing = longest - encodings[k].count
            let ids = [Int32](repeating: padTokenId, count: missing)
            let zeros = [Int32](repeating: 0, count: missing)
            let types = [Int32](repeating: settings.padTypeId, count: missing)
            switch settings.direction {
            case .right:
                encodings[k].ids += ids
                encodings[k].attentionMask += zeros
                encodings[k].typeIds += types
            case .left:
                encodings[k].ids = ids + encodings[k].ids
                encodings[k].attentionMask = zeros + encodings[k].attentionMask
                encodings[k].typeIds = types + encodings[k].typeIds
            }
        }
        return encodings
    }
}
