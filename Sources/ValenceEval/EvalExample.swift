import ValenceCore

/// One labelled text of an evaluation data set.
public struct EvalExample: Sendable, Equatable {
    /// The example's id in its data set (VADER: the ID column; TweetEval: the 0-based line number; CSV: an `id`
    /// column when present, else the 1-based line number of the row).
    public var id: String
    /// The text exactly as the data set has it.
    public var text: String
    /// The gold sentiment, when the data set gives one (directly or derived from `rating`).
    public var label: Sentiment?
    /// A human rating of the text (VADER: the mean rating on −4…+4), when the data set gives one.
    public var rating: Double?

    public init(id: String, text: String, label: Sentiment?, rating: Double?) {
        self.id = id
        self.text = text
        self.label = label
        self.rating = rating
    }
}
