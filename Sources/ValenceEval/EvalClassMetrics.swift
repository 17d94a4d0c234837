import ValenceCore

/// Precision, recall and F1 of one class (a zero denominator gives 0, like scikit-learn's `zero_division=0`).
public struct EvalClassMetrics: Sendable, Equatable, Codable {
    /// The class.
    public var sentiment: Sentiment
    /// Correct predictions of the class over all predictions of it.
    public var precision: Double
    /// Correct predictions of the class over its gold examples.
    public var recall: Double
    /// The harmonic mean of precision and recall: 2·TP / (gold + predicted).
    public var f1: Double
    /// The number of gold examples of the class.
    public var support: Int
    /// The number of predictions of the class.
    public var predicted: Int

    public init(sentiment: Sentiment, precision: Double, recall: Double, f1: Double, support: Int, predicted: Int) {
        self.sentiment = sentiment
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.support = support
        self.predicted = predicted
    }

    enum CodingKeys: String, CodingKey {
        case sentiment = "class"
        case precision, recall, f1, support, predicted
    }
}
