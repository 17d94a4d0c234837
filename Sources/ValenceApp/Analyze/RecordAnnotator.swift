import ValenceCore

/// A value added to a record: a string (quoted in JSON, raw in CSV) or JSON text (as is in both).
public enum FieldValue: Sendable, Equatable {
    case string(String)
    case json(String)
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
        return try scorer.score(texts).map { result in
            var values: [FieldValue] = [
                .string(result.sentiment.rawValue), .json(JSONText.number(result.confidence)), model,
                .json(result.scores.jsonObjectText),
            ]
            if includeLogits { values.append(.json(JSONText.array(result.logits ?? []))) }
            return values
        }
    }
}
