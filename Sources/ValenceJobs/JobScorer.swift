import ValenceStorage

/// Scores a chunk of texts with a model (nil: the default) for a source label; one result per text, in order.
/// The composition root passes `PredictionService.scoreTexts`, so jobs take the API's path (breaker, fallback).
public typealias JobScorer = @Sendable (_ texts: [String], _ model: String?, _ source: String?) async throws -> [ScoredText]
