import Synchronization
import ValenceCore

/// A model that labels a text by its first word (`good` positive, `bad` negative, else neutral), scores it
/// `compound` ±0.5 or 0, and records the batch sizes it was given.
final class StubModel: SentimentModel {
    let key = "stub"
    let batches = Mutex<[Int]>([])
    /// Results to drop from each batch, to play a misbehaving model.
    let droppedPerBatch: Int

    init(droppedPerBatch: Int = 0) {
        self.droppedPerBatch = droppedPerBatch
    }

    func classify(_ texts: [String]) async throws -> [Classification] {
        batches.withLock { $0.append(texts.count) }
        return texts.dropLast(droppedPerBatch).map { text in
            let compound = text.hasPrefix("good") ? 0.5 : text.hasPrefix("bad") ? -0.5 : 0
            let sentiment: Sentiment = compound > 0 ? .positive : compound < 0 ? .negative : .neutral
            return Classification(sentiment: sentiment, confidence: 1, scores: [LabelScore(label: "compound", value: compound)])
        }
    }
}
