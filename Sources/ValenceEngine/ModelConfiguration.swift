import Foundation

/// The encoder's hyper-parameters and label set, decoded from a HuggingFace `config.json`.
///
/// Reads the BERT-family keys (`hidden_size`, `num_hidden_layers`, …) and DistilBERT's own
/// (`dim`, `n_layers`, `n_heads`, `hidden_dim`, `activation`). Missing keys take the defaults
/// of the matching `transformers` config class.
public struct ModelConfiguration: Sendable, Decodable, Equatable {
    /// The supported `model_type` values.
    public enum ModelType: String, Sendable, Decodable {
        case bert
        case distilbert
        case roberta
        case xlmRoberta = "xlm-roberta"
    }

    /// The feed-forward activation (`hidden_act`, or DistilBERT's `activation`).
    public enum Activation: String, Sendable, Equatable {
        /// Exact GELU using erf.
        case gelu
        /// The tanh approximation ("gelu_new", "gelu_pytorch_tanh").
        case geluTanh = "gelu_new"
        case relu
    }

    /// `problem_type`: how logits become probabilities.
    public enum ProblemType: String, Sendable, Decodable {
        case singleLabel = "single_label_classification"
        case multiLabel = "multi_label_classification"
        case regression
    }

    public var modelType: ModelType
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var activation: Activation
    public var layerNormEpsilon: Float
    public var vocabularySize: Int
    /// Rows of the position-embedding table (`max_position_embeddings`).
    public var maxPositions: Int
    /// Rows of the token-type table; 0 when the architecture has none (DistilBERT).
    public var typeVocabularySize: Int
    /// The id used to pad batches (`pad_token_id`; RoBERTa's `padding_idx`).
    public var padTokenID: Int
    /// `padding_idx + 1` for RoBERTa and XLM-R (their positions start after the pad row), else 0.
    public var positionOffset: Int
    /// `id2label` in id order; empty for bare encoders once loaded by `EncoderModel`.
    public var labels: [String]
    /// `label2id` as written in config.json (may be empty).
    public var labelIDs: [String: Int]
    public var problemType: ProblemType?

    /// True when `problem_type` is multi-label: probabilities are per-label sigmoids.
    public var isMultiLabel: Bool { problemType == .multiLabel }
    /// The longest input, special tokens included, that the position table accepts.
    public var maxSequenceLength: Int { maxPositions - positionOffset }
    /// Width of one attention head.
    public var headSize: Int { hiddenSize / headCount }

    /// A configuration built in code (tests, benchmarks); the defaults are BERT-base's.
    public init(
        modelType: ModelType, hiddenSize: Int = 768, layerCount: Int = 12, headCount: Int = 12,
        intermediateSize: Int = 3072, activation: Activation = .gelu, layerNormEpsilon: Float = 1e-12,
        vocabularySize: Int = 30522, maxPositions: Int = 512, typeVocabularySize: Int? = nil,
        padTokenID: Int? = nil, labels: [String] = [], problemType: ProblemType? = nil
    ) {
        self.modelType = modelType
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.activation = activation
        self.layerNormEpsilon = layerNormEpsilon
        self.vocabularySize = vocabularySize
        self.maxPositions = maxPositions
        let isRoberta = modelType == .roberta || modelType == .xlmRoberta
        self.typeVocabularySize = typeVocabularySize ?? (modelType == .distilbert ? 0 : (isRoberta ? 1 : 2))
        let pad = padTokenID ?? (isRoberta ? 1 : 0)
        self.padTokenID = pad
        self.positionOffset = isRoberta ? pad + 1 : 0
        self.labels = labels
        self.labelIDs = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        self.problemType = problemType
    }

    /// Reads and decodes `config.json`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EngineError.fileUnreadable(path: url.path, reason: "\(error)")
        }
        do {
            self = try JSONDecoder().decode(ModelConfiguration.self, from: data)
        } catch let error as EngineError {
            throw error
        } catch {
            throw EngineError.invalidConfiguration("\(url.lastPathComponent): \(error)")
        }
    }

    public init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: ConfigKey.self)
        let typeName = try keys.decodeIfPresent(String.self, forKey: "model_type")
        guard let typeName, let modelType = ModelType(rawValue: typeName) else {
            throw EngineError.invalidConfiguration(
                "model_type \(typeName.map { "'\($0)'" } ?? "missing"); supported: bert, distilbert, roberta, xlm-roberta"
            )
        }
        let isDistil = modelType == .distilbert
        func int(_ key: String, _ distilKey: String, _ fallback: Int) throws -> Int {
            try keys.decodeIfPresent(Int.self, forKey: ConfigKey(isDistil ? distilKey : key)) ?? fallback
        }
        let activationName = try keys.decodeIfPresent(String.self, forKey: ConfigKey(isDistil ? "activation" : "hidden_act")) ?? "gelu"
        let activation: Activation
        switch activationName {
        case "gelu": activation = .gelu
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast": activation = .geluTanh
        case "relu": activation = .relu
        default: throw EngineError.invalidConfiguration("unsupported activation '\(activationName)'")
        }
        // DistilBERT hard-codes LayerNorm eps 1e-12; the others read layer_norm_eps.
        let epsilon = isDistil ? 1e-12 : try keys.decodeIfPresent(Double.self, forKey: "layer_norm_eps") ?? 1e-12
        let problemName = try keys.decodeIfPresent(String.self, forKey: "problem_type")
        let problemType = try problemName.map { name in
            guard let type = ProblemType(rawValue: name) else {
                throw EngineError.invalidConfiguration("unknown problem_type '\(name)'")
            }
            return type
        }
        self.init(
            modelType: modelType,
            hiddenSize: try int("hidden_size", "dim", 768),
            layerCount: try int("num_hidden_layers", "n_layers", isDistil ? 6 : 12),
            headCount: try int("num_attention_heads", "n_heads", 12),
            intermediateSize: try int("intermediate_size", "hidden_dim", 3072),
            activation: activation,
            layerNormEpsilon: Float(epsilon),
            vocabularySize: try keys.decodeIfPresent(Int.self, forKey: "vocab_size") ?? 30522,
            maxPositions: try keys.decodeIfPresent(Int.self, forKey: "max_position_embeddings") ?? 512,
            typeVocabularySize: isDistil ? 0 : try keys.decodeIfPresent(Int.self, forKey: "type_vocab_size"),
            padTokenID: try keys.decodeIfPresent(Int.self, forKey: "pad_token_id"),
            labels: try Self.decodeLabels(keys),
            problemType: problemType
        )
        if let labelIDs = try keys.decodeIfPresent([String: Int].self, forKey: "label2id") {
            self.labelIDs = labelIDs
        }
        try validate()
    }

    /// `id2label` keyed by decimal strings, returned in id order; HF's default when absent.
    private static func decodeLabels(_ keys: KeyedDecodingContainer<ConfigKey>) throws -> [String] {
        guard let table = try keys.decodeIfPresent([String: String].self, forKey: "id2label") else {
            let count = try keys.decodeIfPresent(Int.self, forKey: "num_labels") ?? 2
            return (0..<count).map { "LABEL_\($0)" }
        }
        var labels = [String?](repeating: nil, count: table.count)
        for (key, label) in table {
            guard let id = Int(key), id >= 0, id < table.count else {
                throw EngineError.invalidConfiguration("id2label key '\(key)' is not an id in 0..<\(table.count)")
            }
            labels[id] = label
        }
        return labels.map { $0! }
    }

    private func validate() throws {
        let checks: [(Bool, String)] = [
            (hiddenSize > 0 && headCount > 0 && hiddenSize % headCount == 0,
             "hidden size \(hiddenSize) is not a positive multiple of the head count \(headCount)"),
            (layerCount > 0 && intermediateSize > 0 && vocabularySize > 0, "layer, intermediate and vocabulary sizes must be positive"),
            (maxSequenceLength > 0, "max_position_embeddings \(maxPositions) leaves no room after the position offset \(positionOffset)"),
            (padTokenID >= 0, "pad_token_id must not be negative"),
            (layerNormEpsilon >= 0, "layer_norm_eps must not be negative"),
        ]
        for (passes, reason) in checks where !passes {
            throw EngineError.invalidConfiguration(reason)
        }
    }
}

/// A string coding key for config.json's open-ended key set.
struct ConfigKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringLiteral value: String) { stringValue = value }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
