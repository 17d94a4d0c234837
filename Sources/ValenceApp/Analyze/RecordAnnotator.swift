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
    /// For annotators whose texts are independent and cheap (VADER, tokenize): the values of one text, safe to
    /// call from many threads. The pipeline then parses, annotates and formats each record in one parallel pass.
    var perText: ((String) -> [FieldValue])? { get }
}

extension RecordAnnotator {
    public var perText: ((String) -> [FieldValue])? { nil }
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
        let results = try scorer.score(texts)
        return Parallel.map(results.count, grain: 256) { values(for: results[$0]) }
    }

    public var perText: ((String) -> [FieldValue])? {
        guard let textScorer = scorer as? any TextScorer else { return nil }
        return { values(for: textScorer.score($0)) }
    }

    private func values(for result: Classification) -> [FieldValue] {
        var values: [FieldValue] = [.string(result.sentiment.rawValue), .number(result.confidence), .string(scorer.modelName),
                                    .scores(result.scores)]
        if includeLogits { values.append(.floats(result.logits ?? [])) }
        return values
    }
}
