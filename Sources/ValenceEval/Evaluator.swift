import ValenceCore

/// Runs a model over an evaluation data set and scores its predictions.
public enum Evaluator {
    /// Classifies `examples` in batches of `batchSize` and compares the predictions with the gold labels (accuracy,
    /// per-class and macro metrics, confusion matrix) and, for examples with a rating, the signed scores with the
    /// ratings (Pearson r). Only labels and scores are kept between batches, never the classifications.
    /// `progress` receives the number of examples classified so far after each batch.
    public static func run(
        model: any SentimentModel,
        examples: [EvalExample],
        batchSize: Int = 64,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> EvalReport {
        guard batchSize > 0 else { throw EvaluationError.invalidBatchSize(batchSize) }
        guard !examples.isEmpty else { throw EvaluationError.noExamples }
        guard examples.contains(where: { $0.label != nil || $0.rating != nil }) else {
            throw EvaluationError.nothingToCompare
        }
        var confusion = ConfusionMatrix()
        var scores: [Double] = []
        var ratings: [Double] = []
        var classified = 0
        for start in stride(from: 0, to: examples.count, by: batchSize) {
            try Task.checkCancellation()
            let batch = examples[start..<min(start + batchSize, examples.count)]
            let results = try await model.classify(batch.map(\.text))
            guard results.count == batch.count else {
                throw EvaluationError.resultCountMismatch(model: model.key, expected: batch.count, received: results.count)
            }
            for (example, result) in zip(batch, results) {
                if let label = example.label {
                    confusion.add(gold: label, predicted: result.sentiment)
                }
                if let rating = example.rating {
                    scores.append(result.signedScore)
                    ratings.append(rating)
                }
            }
            classified += batch.count
            progress?(classified)
        }
        return EvalReport(
            modelKey: model.key,
            exampleCount: examples.count,
            metrics: confusion.total > 0 ? EvalMetrics(confusion: confusion) : nil,
            ratedCount: ratings.count,
            pearson: EvalMetrics.pearson(scores, ratings)
        )
    }
}
