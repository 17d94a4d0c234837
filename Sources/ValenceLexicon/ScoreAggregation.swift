/// The last steps of 3.3.2's `polarity_scores`: `_but_check` and `score_valence`.
enum ScoreAggregation {
    /// `_but_check`, including its quirk: each value is looked up again with `list.index`, so the
    /// *first* element equal to it is the one scaled (x0.5 before "but", x1.5 after), which may
    /// be an earlier, already scaled element rather than the element itself.
    static func applyButRule(_ values: UnsafeMutableBufferPointer<Double>, butIndex: Int) {
        for position in values.indices {
            let value = values[position]
            var first = 0
            while values[first] != value { first += 1 }  // terminates at `position` at the latest
            if first < butIndex {
                values[first] = value * 0.5
            } else if first > butIndex {
                values[first] = value * 1.5
            }
        }
    }

    /// `score_valence`, with `_punctuation_emphasis`, `normalize` and the final rounding.
    static func scores(_ sentiments: UnsafeBufferPointer<Double>, exclamationMarks: Int,
                       questionMarks: Int) -> VaderScores {
        guard !sentiments.isEmpty else { return .zero }
        // Python 3.11's `sum` of floats: plain left-to-right addition.
        var sum = 0.0
        for value in sentiments { sum += value }

        let exclamationEmphasis = Double(min(exclamationMarks, 4)) * 0.292
        var questionEmphasis = 0.0
        if questionMarks > 1 {
            questionEmphasis = questionMarks <= 3 ? Double(questionMarks) * 0.18 : 0.96
        }
        let emphasis = exclamationEmphasis + questionEmphasis
        if sum > 0 {
            sum += emphasis
        } else if sum < 0 {
            sum -= emphasis
        }
        let compound = normalize(sum)

        var positive = 0.0
        var negative = 0.0
        var neutralCount = 0
        for value in sentiments {
            if value > 0 { positive += value + 1 }
            if value < 0 { negative += value - 1 }
            if value == 0 { neutralCount += 1 }
        }
        if positive > negative.magnitude {
            positive += emphasis
        } else if positive < negative.magnitude {
            negative -= emphasis
        }
        let total = positive + negative.magnitude + Double(neutralCount)
        return VaderScores(
            neg: PythonRounding.round((negative / total).magnitude, digits: 3),
            neu: PythonRounding.round((Double(neutralCount) / total).magnitude, digits: 3),
            pos: PythonRounding.round((positive / total).magnitude, digits: 3),
            compound: PythonRounding.round(compound, digits: 4)
        )
    }

    /// `normalize(score, alpha=15)`.
    private static func normalize(_ score: Double, alpha: Double = 15) -> Double {
        let normalized = score / (score * score + alpha).squareRoot()
        return min(max(normalized, -1), 1)
    }
}
