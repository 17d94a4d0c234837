import ValenceCore

extension Classification {
    /// A single number for how positive the text is, for correlating with human ratings: VADER's `compound` when
    /// the scores hold one, else P(positive) − P(negative), each summed over the labels whose name maps to that
    /// sentiment (`Sentiment.forLabel`, e.g. `LABEL_2`, `positive`, `5 stars`).
    public var signedScore: Double {
        if let compound = scores.first(where: { $0.label == "compound" }) { return compound.value }
        var score = 0.0
        for labelScore in scores {
            switch Sentiment.forLabel(labelScore.label, labelCount: scores.count) {
            case .positive: score += labelScore.value
            case .negative: score -= labelScore.value
            default: break
            }
        }
        return score
    }
}
