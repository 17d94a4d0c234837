/// The four numbers of vaderSentiment's `polarity_scores`, rounded as the Python package rounds them.
///
/// `neg`, `neu` and `pos` are the proportions of the text judged negative, neutral and positive,
/// rounded like Python's `round(x, 3)`; `compound` is the normalised composite score in `[-1, 1]`,
/// rounded like Python's `round(x, 4)` (correctly rounded on the exact binary value, ties to even).
/// The coding keys are the Python dictionary keys, so JSON round-trips with the Python output.
public struct VaderScores: Sendable, Equatable, Codable {
    /// Proportion of negative sentiment, rounded to 3 decimals.
    public var neg: Double
    /// Proportion of neutral words, rounded to 3 decimals.
    public var neu: Double
    /// Proportion of positive sentiment, rounded to 3 decimals.
    public var pos: Double
    /// Normalised, weighted composite score in `[-1, 1]`, rounded to 4 decimals.
    public var compound: Double

    /// Creates a score set from already-rounded numbers.
    public init(neg: Double, neu: Double, pos: Double, compound: Double) {
        self.neg = neg
        self.neu = neu
        self.pos = pos
        self.compound = compound
    }

    /// The scores of a text without any word: every number is `0.0`.
    public static let zero = VaderScores(neg: 0, neu: 0, pos: 0, compound: 0)
}
