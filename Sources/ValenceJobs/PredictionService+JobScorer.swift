import Foundation
import ValenceCore
import ValenceStorage

extension PredictionService {
    /// `predict` shaped as a `JobScorer`: one `ScoredText` per text, carrying the model that answered.
    public func scoreTexts(_ texts: [String], ids: [UUID], model: String?, source: String?) async throws -> [ScoredText] {
        let outcome = try await predict(texts, model: model, source: source, ids: ids)
        return outcome.results.map { result in
            ScoredText(sentiment: result.sentiment, confidence: result.confidence, scores: result.scores,
                       model: outcome.modelUsed, fallbackUsed: outcome.fallbackUsed)
        }
    }
}
