/// Looks tensors up by their HuggingFace names in a safetensors file.
///
/// Resolves the architecture prefix (`bert.`, `distilbert.`, `roberta.`), which a checkpoint
/// may or may not carry, and the legacy LayerNorm names `gamma`/`beta` of old BERT exports.
struct TensorSource: Sendable {
    let file: SafeTensorsFile
    /// Prefix of the encoder's tensors in this file: the architecture's, or "" when absent.
    let prefix: String

    /// Picks the prefix under which `probe` (e.g. "embeddings.word_embeddings.weight") exists.
    init(file: SafeTensorsFile, architecturePrefix: String, probe: String) throws {
        self.file = file
        if file.contains(architecturePrefix + probe) {
            prefix = architecturePrefix
        } else if file.contains(probe) {
            prefix = ""
        } else {
            throw EngineError.missingTensor(name: architecturePrefix + probe)
        }
    }

    /// An encoder tensor: `name` is looked up under the detected prefix.
    func encoder(_ name: String, shape: [Int]) throws -> WeightTensor {
        try tensor(prefix + name, shape: shape)
    }

    func contains(_ name: String) -> Bool { file.contains(name) }

    /// A tensor by its full name, with the `LayerNorm.gamma`/`beta` fallback.
    func tensor(_ name: String, shape: [Int]) throws -> WeightTensor {
        if !file.contains(name), let legacy = Self.legacyName(for: name), file.contains(legacy) {
            return try file.tensor(legacy, shape: shape)
        }
        return try file.tensor(name, shape: shape)
    }

    private static func legacyName(for name: String) -> String? {
        if name.hasSuffix("LayerNorm.weight") { return name.dropLast("weight".count) + "gamma" }
        if name.hasSuffix("LayerNorm.bias") { return name.dropLast("bias".count) + "beta" }
        return nil
    }
}
