import Foundation
import ValenceCore
import ValenceStorage

/// Jobs, items and results for the job repository and queue tests.
enum JobFixtures {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// A sealed job of `count` texts `text 0`, `text 1`, … created at `createdAt`.
    @discardableResult
    static func sealedJob(_ repository: SQLJobRepository, count: Int, createdAt: Date = start, model: String? = "vader",
                          source: String? = "survey", maxAttempts: Int = 5) async throws -> Job {
        let job = try await repository.createJob(NewJob(model: model, source: source, maxAttempts: maxAttempts,
                                                        createdAt: createdAt))
        try await repository.appendItems((0..<count).map { NewJobItem(seq: $0, text: "text \($0)") }, to: job.id)
        return try await repository.seal(job.id, total: count, now: createdAt)
    }

    static func result(_ label: String, confidence: Double = 0.75) -> ScoredText {
        ScoredText(sentiment: .positive, confidence: confidence,
                   scores: [LabelScore(label: "neg", value: 0.1), LabelScore(label: "pos", value: 0.9)],
                   model: label, fallbackUsed: false)
    }

    static func completed(_ items: [ClaimedJobItem], by label: String) -> [CompletedJobItem] {
        items.map { CompletedJobItem(key: $0.key, result: result(label)) }
    }
}
