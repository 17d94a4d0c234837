/// The encoder's immutable weights: embeddings and the transformer layers.
///
/// Mirrors `BertModel` / `RobertaModel` / `XLMRobertaModel` (post-LN layers: self-attention,
/// `attention.output` with residual LayerNorm, `intermediate`, `output` with residual LayerNorm)
/// and DistilBERT's `Transformer` (`q_lin`…`out_lin`, `sa_layer_norm`, `ffn.lin1/lin2`,
/// `output_layer_norm`), which computes the same function under other names.
struct EncoderWeights: Sendable {
    struct Norm: Sendable {
        let weight: WeightTensor  // [hidden]
        let bias: WeightTensor  // [hidden]

        init(_ name: String, from tensors: TensorSource, size: Int) throws {
            weight = try tensors.encoder(name + ".weight", shape: [size])
            bias = try tensors.encoder(name + ".bias", shape: [size])
        }
    }

    struct Embeddings: Sendable {
        let word: WeightTensor  // [vocabulary, hidden]
        let position: WeightTensor  // [maxPositions, hidden]
        let tokenType: WeightTensor?  // [typeVocabulary, hidden]; nil for DistilBERT
        let norm: Norm
    }

    struct Layer: Sendable {
        let queryKeyValue: Linear  // [3 × hidden, hidden]: query, key, value stacked
        let attentionOutput: Linear  // [hidden, hidden]
        let attentionNorm: Norm
        let intermediate: Linear  // [intermediate, hidden]
        let output: Linear  // [hidden, intermediate]
        let outputNorm: Norm

        /// The layer with its four products' weights prepacked.
        func packed() -> Layer {
            Layer(queryKeyValue: queryKeyValue.packed(), attentionOutput: attentionOutput.packed(),
                  attentionNorm: attentionNorm, intermediate: intermediate.packed(), output: output.packed(),
                  outputNorm: outputNorm)
        }
    }

    let embeddings: Embeddings
    let layers: [Layer]

    /// The weights with every layer's linear weights prepacked for `ValenceKernels` (the mapped originals released).
    func packed() -> EncoderWeights {
        EncoderWeights(embeddings: embeddings, layers: layers.map { $0.packed() })
    }

    private init(embeddings: Embeddings, layers: [Layer]) {
        self.embeddings = embeddings
        self.layers = layers
    }

    /// The prefix an architecture's encoder tensors carry inside `*ForSequenceClassification`.
    static func architecturePrefix(_ type: ModelConfiguration.ModelType) -> String {
        switch type {
        case .bert: "bert."
        case .distilbert: "distilbert."
        case .roberta, .xlmRoberta: "roberta."
        }
    }

    init(configuration c: ModelConfiguration, tensors: TensorSource) throws {
        let hidden = c.hiddenSize
        let lookup = { (name: String) in LinearName(name, tensors) }
        embeddings = Embeddings(
            word: try tensors.encoder("embeddings.word_embeddings.weight", shape: [c.vocabularySize, hidden]),
            position: try tensors.encoder("embeddings.position_embeddings.weight", shape: [c.maxPositions, hidden]),
            tokenType: c.typeVocabularySize > 0
                ? try tensors.encoder("embeddings.token_type_embeddings.weight", shape: [c.typeVocabularySize, hidden])
                : nil,
            norm: try Norm("embeddings.LayerNorm", from: tensors, size: hidden)
        )
        layers = try (0..<c.layerCount).map { index in
            if c.modelType == .distilbert {
                let base = "transformer.layer.\(index)."
                return Layer(
                    queryKeyValue: Linear(stacking: try ["q_lin", "k_lin", "v_lin"].map {
                        try lookup(base + "attention." + $0).load(out: hidden, in: hidden)
                    }),
                    attentionOutput: try lookup(base + "attention.out_lin").load(out: hidden, in: hidden),
                    attentionNorm: try Norm(base + "sa_layer_norm", from: tensors, size: hidden),
                    intermediate: try lookup(base + "ffn.lin1").load(out: c.intermediateSize, in: hidden),
                    output: try lookup(base + "ffn.lin2").load(out: hidden, in: c.intermediateSize),
                    outputNorm: try Norm(base + "output_layer_norm", from: tensors, size: hidden)
                )
            }
            let base = "encoder.layer.\(index)."
            return Layer(
                queryKeyValue: Linear(stacking: try ["query", "key", "value"].map {
                    try lookup(base + "attention.self." + $0).load(out: hidden, in: hidden)
                }),
                attentionOutput: try lookup(base + "attention.output.dense").load(out: hidden, in: hidden),
                attentionNorm: try Norm(base + "attention.output.LayerNorm", from: tensors, size: hidden),
                intermediate: try lookup(base + "intermediate.dense").load(out: c.intermediateSize, in: hidden),
                output: try lookup(base + "output.dense").load(out: hidden, in: c.intermediateSize),
                outputNorm: try Norm(base + "output.LayerNorm", from: tensors, size: hidden)
            )
        }
    }
}

/// An encoder linear layer's name, resolved under the checkpoint's prefix when loaded.
private struct LinearName {
    let name: String
    let tensors: TensorSource
    init(_ name: String, _ tensors: TensorSource) {
        self.name = name
        self.tensors = tensors
    }

    func load(out: Int, in inputs: Int) throws -> Linear {
        try Linear(tensors.prefix + name, from: tensors, out: out, in: inputs)
    }
}
