import ValenceCore

/// A value added to a record. JSONL writes each as JSON; CSV writes strings and numbers as plain cells and
/// the structured values as JSON text.
public enum FieldValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    /// A JSON object of label → score, in label order.
    case scores([LabelScore])
    case floats([Float])
    case integers([Int32])
}

/// Computes the fields `valence analyze`, `embed` and `tokenize` add to each record, a window at a time.
public protocol RecordAnnotator {
    /// The names of the added fields, in output order (also the new CSV columns).
    var fieldNames: [String] { get }
    /// One array of values (in `fieldNames` order) per text, in input order.
    func annotate(_ texts: [String]) throws -> [[FieldValue]]
}

/// Adds `sentiment`, `confidence`, `model`, `scores` (and `logits`) from a scorer.
public struct SentimentAnnotator: RecordAnnotator {
    private let scorer: any BatchScorer
    private let includeLogits: Bool

    public init(scorer: any BatchScorer, includeLogits: Bool) {
        self.scorer = scorer
        self.includeLogits = includeLogits
    }

    public var fieldNames: [String] {
        ["sentiment", "confidence", "model", "scores"] + (includeLogits ? ["logits"] : [])
    }

    public func annotate(_ texts: [String]) throws -> [[FieldValue]] {
        let model = FieldValue.string(scorer.modelName)
        let results = try scorer.score(texts)
        return Parallel.map(results.count, grain: 256) { index in
            let result = results[index]
            var values: [FieldValue] = [.string(result.sentiment.rawValue), .number(result.confidence), model, .scores(result.scores)]
            if includeLogits { values.append(.floats(result.logits ?? [])) }
            return values
        }
    }
}
