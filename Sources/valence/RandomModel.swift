import Foundation
import ValenceEngine

/// A base-sized model with random weights, written once as a HuggingFace folder so the engine,
/// PyTorch and ONNX Runtime all load the same checkpoint: config.json, model.safetensors, tokenizer.json (a
/// test fixture's, unpacked), corpus.json (2,000 tweet-length id lists) and corpus.jsonl (2,000 real texts).
struct RandomModel {
    enum Shape: String {
        case distilbert, roberta
    }

    /// Texts in each corpus (the id lists and the end-to-end texts).
    static let corpusSize = 2000

    let shape: Shape
    let folder: URL

    var weightFile: URL { folder.appendingPathComponent("model.safetensors") }
    var corpusFile: URL { folder.appendingPathComponent("corpus.json") }
    var textsFile: URL { folder.appendingPathComponent("corpus.jsonl") }
    var tokenizerFile: URL { folder.appendingPathComponent("tokenizer.json") }
    /// The tokenizer fixture (from the repository root): bert-base-uncased's WordPiece, or a byte-level BPE in
    /// RoBERTa's layout whose 4,000 ids fit the model's vocabulary.
    var tokenizerFixture: String {
        "Tests/ValenceTokenizersTests/Fixtures/" + (shape == .distilbert ? "minilm-wordpiece" : "bpe-bytelevel") + ".tokenizer.json.gz"
    }
    var vocabulary: Int { shape == .distilbert ? 30522 : 50265 }
    var layers: Int { shape == .distilbert ? 6 : 12 }

    /// Writes the folder's files unless they already exist; the end-to-end corpus is the first `corpusSize` of `texts`
    /// (cycled if there are fewer).
    func materialise(texts: [String]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        if !manager.fileExists(atPath: weightFile.path) || !manager.fileExists(atPath: corpusFile.path) {
            try config.write(to: folder.appendingPathComponent("config.json"), atomically: true, encoding: .utf8)
            var random = SplitMix(seed: 42)
            try SafeTensorsWriter.write(tensors(&random), to: weightFile)
            let corpus = (0..<Self.corpusSize).map { _ in tweet(&random) }
            try JSONEncoder().encode(corpus).write(to: corpusFile)
        }
        if !manager.fileExists(atPath: tokenizerFile.path) {
            try BenchProcess.gunzip(tokenizerFixture, to: tokenizerFile.path)
        }
        if !manager.fileExists(atPath: textsFile.path) {
            try BenchCorpus.write(records: Self.corpusSize, cycling: texts, to: textsFile.path)
        }
    }

    /// Lengths like tokenised tweets: mostly 10–40 tokens, a tail to ~90; special tokens at the ends.
    private func tweet(_ random: inout SplitMix) -> [Int32] {
        let u = random.uniform(), v = random.uniform()
        let length = min(120, max(4, Int(8 + 30 * (u + v) * (u + v) / 2 + 10 * random.uniform())))
        let (first, last): (Int32, Int32) = shape == .distilbert ? (101, 102) : (0, 2)
        return [first] + (2..<length).map { _ in Int32(5 + random.next() % UInt64(vocabulary - 5)) } + [last]
    }

    private var config: String {
        switch shape {
        case .distilbert:
            """
            {"architectures":["DistilBertForSequenceClassification"],"model_type":"distilbert","dim":768,
             "n_layers":6,"n_heads":12,"hidden_dim":3072,"vocab_size":30522,"max_position_embeddings":512,
             "activation":"gelu","pad_token_id":0,"id2label":{"0":"NEGATIVE","1":"POSITIVE"},
             "label2id":{"NEGATIVE":0,"POSITIVE":1}}
            """
        case .roberta:
            """
            {"architectures":["RobertaForSequenceClassification"],"model_type":"roberta","hidden_size":768,
             "num_hidden_layers":12,"num_attention_heads":12,"intermediate_size":3072,"vocab_size":50265,
             "max_position_embeddings":514,"type_vocab_size":1,"hidden_act":"gelu","layer_norm_eps":1e-5,
             "pad_token_id":1,"bos_token_id":0,"eos_token_id":2,
             "id2label":{"0":"negative","1":"neutral","2":"positive"},
             "label2id":{"negative":0,"neutral":1,"positive":2}}
            """
        }
    }

    private func tensors(_ random: inout SplitMix) -> [SafeTensorsWriter.Tensor] {
        var list: [SafeTensorsWriter.Tensor] = []
        func add(_ name: String, _ shape: [Int], std: Float = 0.02, constant: Float? = nil) {
            let count = shape.reduce(1, *)
            let values = constant.map { [Float](repeating: $0, count: count) }
                ?? (0..<count).map { _ in std * random.normal() }
            list.append(.init(name: name, shape: shape, values: values))
        }
        func linear(_ name: String, _ out: Int, _ inputs: Int) {
            add(name + ".weight", [out, inputs])
            add(name + ".bias", [out], std: 0.01)
        }
        func norm(_ name: String) {
            add(name + ".weight", [768], constant: 1)
            add(name + ".bias", [768], constant: 0)
        }
        let isDistil = shape == .distilbert
        let p = isDistil ? "distilbert." : "roberta."
        add(p + "embeddings.word_embeddings.weight", [vocabulary, 768])
        add(p + "embeddings.position_embeddings.weight", [isDistil ? 512 : 514, 768])
        if !isDistil { add(p + "embeddings.token_type_embeddings.weight", [1, 768]) }
        norm(p + "embeddings.LayerNorm")
        for i in 0..<layers {
            if isDistil {
                let l = p + "transformer.layer.\(i)."
                for name in ["q_lin", "k_lin", "v_lin", "out_lin"] { linear(l + "attention." + name, 768, 768) }
                norm(l + "sa_layer_norm")
                linear(l + "ffn.lin1", 3072, 768)
                linear(l + "ffn.lin2", 768, 3072)
                norm(l + "output_layer_norm")
            } else {
                let l = p + "encoder.layer.\(i)."
                for name in ["self.query", "self.key", "self.value", "output.dense"] { linear(l + "attention." + name, 768, 768) }
                norm(l + "attention.output.LayerNorm")
                linear(l + "intermediate.dense", 3072, 768)
                linear(l + "output.dense", 768, 3072)
                norm(l + "output.LayerNorm")
            }
        }
        if isDistil {
            linear("pre_classifier", 768, 768)
            linear("classifier", 2, 768)
        } else {
            linear("classifier.dense", 768, 768)
            linear("classifier.out_proj", 3, 768)
        }
        return list
    }
}

/// A small deterministic generator (SplitMix64) with uniform and Gaussian draws.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform() -> Float { Float(next() >> 40) / Float(1 << 24) }

    /// Box–Muller.
    mutating func normal() -> Float {
        let u = max(uniform(), 1e-7), v = uniform()
        return (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * .pi * v)
    }
}
