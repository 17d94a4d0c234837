/// The numeric value of sentiments for means: positive = +1, negative = −1, everything else 0.
/// Means are computed from the counts SQL returns, so both databases give the same bits.
enum SentimentScore {
    static func mean(positive: Int, negative: Int, count: Int) -> Double? {
        count > 0 ? Double(positive - negative) / Double(count) : nil
    }
}
