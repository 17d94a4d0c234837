import ValenceCore

/// The outcome of `valence eval`: what `Evaluator.run` measured, ready to print (`rendered()`) or encode as JSON
/// (snake_case keys; absent values are `null`).
public struct EvalReport: Codable, Sendable, Equatable {
    /// The key of the model evaluated.
    public var modelKey: String
    /// The number of examples classified.
    public var exampleCount: Int
    /// The number of examples with a gold label (the classification metrics count these only).
    public var labelledCount: Int
    /// The number of examples with a human rating (Pearson r counts these only).
    public var ratedCount: Int
    /// Correct predictions over labelled examples; nil without gold labels.
    public var accuracy: Double?
    /// Mean F1 over the gold classes; nil without gold labels.
    public var macroF1: Double?
    /// Mean recall over the gold classes; nil without gold labels.
    public var macroRecall: Double?
    /// Precision, recall and F1 per class, in confusion-matrix order; empty without gold labels.
    public var perClass: [EvalClassMetrics]
    /// Gold rows by predicted columns; empty without gold labels.
    public var confusionMatrix: ConfusionMatrix
    /// Pearson r of the models' signed scores (`Classification.signedScore`) against the ratings; nil with fewer
    /// than 2 ratings or zero variance on either side.
    public var pearson: Double?

    public init(
        modelKey: String,
        exampleCount: Int,
        labelledCount: Int,
        ratedCount: Int,
        accuracy: Double?,
        macroF1: Double?,
        macroRecall: Double?,
        perClass: [EvalClassMetrics],
        confusionMatrix: ConfusionMatrix,
        pearson: Double?
    ) {
        self.modelKey = modelKey
        self.exampleCount = exampleCount
        self.labelledCount = labelledCount
        self.ratedCount = ratedCount
        self.accuracy = accuracy
        self.macroF1 = macroF1
        self.macroRecall = macroRecall
        self.perClass = perClass
        self.confusionMatrix = confusionMatrix
        self.pearson = pearson
    }

    /// A report of `metrics` (nil when no example had a gold label) and a Pearson r over `ratedCount` ratings.
    public init(modelKey: String, exampleCount: Int, metrics: EvalMetrics?, ratedCount: Int, pearson: Double?) {
        self.init(
            modelKey: modelKey,
            exampleCount: exampleCount,
            labelledCount: metrics?.confusion.total ?? 0,
            ratedCount: ratedCount,
            accuracy: metrics?.accuracy,
            macroF1: metrics?.macroF1,
            macroRecall: metrics?.macroRecall,
            perClass: metrics?.classes ?? [],
            confusionMatrix: metrics?.confusion ?? ConfusionMatrix(),
            pearson: pearson
        )
    }

    enum CodingKeys: String, CodingKey {
        case modelKey = "model_key"
        case exampleCount = "example_count"
        case labelledCount = "labelled_count"
        case ratedCount = "rated_count"
        case accuracy
        case macroF1 = "macro_f1"
        case macroRecall = "macro_recall"
        case perClass = "per_class"
        case confusionMatrix = "confusion_matrix"
        case pearson
    }

    /// Encodes every key, absent values as `null`, so readers of the JSON see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(modelKey, forKey: .modelKey)
        try container.encode(exampleCount, forKey: .exampleCount)
        try container.encode(labelledCount, forKey: .labelledCount)
        try container.encode(ratedCount, forKey: .ratedCount)
        try container.encode(accuracy, forKey: .accuracy)
        try container.encode(macroF1, forKey: .macroF1)
        try container.encode(macroRecall, forKey: .macroRecall)
        try container.encode(perClass, forKey: .perClass)
        try container.encode(confusionMatrix, forKey: .confusionMatrix)
        try container.encode(pearson, forKey: .pearson)
    }
}
