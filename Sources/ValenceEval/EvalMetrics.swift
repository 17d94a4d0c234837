import ValenceCore

/// Classification metrics of a confusion matrix.
public struct EvalMetrics: Sendable, Equatable {
    /// The pairs the metrics come from.
    public var confusion: ConfusionMatrix
    /// Correct predictions over all predictions (0 when there are none).
    public var accuracy: Double
    /// One row per class of `confusion`, in its order.
    public var classes: [EvalClassMetrics]
    /// The mean F1 over the classes that occur among the gold labels.
    public var macroF1: Double
    /// The mean recall over the classes that occur among the gold labels (TweetEval's official sentiment metric).
    public var macroRecall: Double

    /// The metrics of `confusion`.
    public init(confusion: ConfusionMatrix) {
        self.confusion = confusion
        let counts = confusion.counts
        let indices = confusion.classes.indices
        var correct = 0
        var rows: [EvalClassMetrics] = []
        for index in indices {
            let truePositives = counts[index][index]
            let support = counts[index].reduce(0, +)
            let predicted = indices.reduce(0) { $0 + counts[$1][index] }
            correct += truePositives
            rows.append(
                EvalClassMetrics(
                    sentiment: confusion.classes[index],
                    precision: Self.ratio(truePositives, predicted),
                    recall: Self.ratio(truePositives, support),
                    f1: Self.ratio(2 * truePositives, support + predicted),
                    support: support,
                    predicted: predicted
                )
            )
        }
        let gold = rows.filter { $0.support > 0 }
        accuracy = Self.ratio(correct, confusion.total)
        classes = rows
        macroF1 = Self.mean(gold.map(\.f1))
        macroRecall = Self.mean(gold.map(\.recall))
    }

    /// The metrics of gold labels and predictions taken pairwise.
    public init(pairs: some Sequence<(gold: Sentiment, predicted: Sentiment)>) {
        self.init(confusion: ConfusionMatrix(pairs: pairs))
    }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
