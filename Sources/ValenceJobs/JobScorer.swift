import Foundation
import ValenceStorage

/// Scores a chunk of texts with a model (nil: the default) for a source label, storing each prediction under the
/// given id (one per text: the item's `predictionID`); one result per text, in order. The composition root passes
/// `PredictionService.scoreTexts`, so jobs take the API's path (breaker, fallback, storage).
public typealias JobScorer = @Sendable (_ texts: [String], _ ids: [UUID], _ model: String?, _ source: String?) async throws -> [ScoredText]
