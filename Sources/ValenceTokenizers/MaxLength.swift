import Foundation

/// Resolves the maximum sequence length for a model folder (DESIGN.md section 3, "Maximum length").
public enum MaxLength {
    /// `explicit` (`--max-length`) when given; else the truncation length in tokenizer.json; else
    /// tokenizer_config.json's `model_max_length` when it is not larger than the usable positions of
    /// config.json (`max_position_embeddings`, minus 2 for RoBERTa and XLM-RoBERTa, whose positions
    /// start after `padding_idx`); else those usable positions; nil when nothing is known.
    public static func resolve(explicit: Int?, directory: URL, tokenizer: Tokenizer) -> Int? {
        if let explicit { return explicit }
        if let fromTruncation = tokenizer.truncationMaxLength { return fromTruncation }
        let positions = usablePositions(directory: directory)
        if let configured = readJSON(directory.appendingPathComponent("tokenizer_config.json"))?["model_max_length"] as? NSNumber {
            let value = configured.doubleValue
            // Transformers writes a huge sentinel (1e30) when it does not know.
            if value > 0, value < 1e9 {
                let length = Int(value)
                if let positions {
                    if length <= positions { return length }
                } else {
                    return length
                }
            }
        }
        return positions
    }

    /// config.json's `max_position_embeddings` less the RoBERTa offset.
    static func usablePositions(directory: URL) -> Int? {
        guard let config = readJSON(directory.appendingPathComponent("config.json")),
              let positions = (config["max_position_embeddings"] as? NSNumber)?.intValue else { return nil }
        let modelType = (config["model_type"] as? String ?? "").lowercased()
        let offset = ["roberta", "xlm-roberta", "camembert", "xlm-roberta-xl"].contains(modelType) ? 2 : 0
        return positions - offset
    }

    private static func readJSON(_ url: URL) -> [String: Any]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
