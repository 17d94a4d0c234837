import Foundation
import Testing
import ValenceCore
import ValenceDatabaseTestSupport
import ValenceJobs
import ValenceStorage
import ValenceTestSupport

/// A provider that knows VADER and a transformer that is not ready, so requests for it take the fallback.
private struct VaderOnlyProvider: ModelProvider {
    var defaultModelKey: String { VaderSentimentModel.key }

    func resolve(_ key: String?) async throws -> ModelResolution {
        switch key ?? defaultModelKey {
        case VaderSentimentModel.key: .ready(VaderSentimentModel())
        case "distilbert": .unavailable(key: "distilbert", reason: "not downloaded")
        case let unknown: throw ValenceError.unknownModel(unknown)
        }
    }

    func statuses() async -> [ModelStatus] { [] }
}

@Suite("Jobs scored through the prediction service")
struct PredictionServiceScorerTests {
    private let service = PredictionService(provider: VaderOnlyProvider(), sink: DiscardingPredictionSink(), logger: .quiet)

    @Test("scoreTexts answers like predict, naming the model that answered")
    func scoreTexts() async throws {
        let scored = try await service.scoreTexts(["I love it", "I hate it"], ids: [UUID(), UUID()], model: "distilbert", source: "test")
        #expect(scored.map(\.sentiment) == [.positive, .negative])
        #expect(scored.allSatisfy { $0.model == VaderSentimentModel.key && $0.fallbackUsed })
        #expect(scored[0].scores.map(\.label) == ["neg", "neu", "pos", "compound"])
        await #expect(throws: ValenceError.unknownModel("nope")) { try await service.scoreTexts(["x"], ids: [UUID()], model: "nope", source: nil) }
    }

    @Test("a worker scoring through the service finishes a job with the fallback's results")
    func workerWithService() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let repository = SQLJobRepository(database: database)
            let job = try await WorkerFixtures.submit(repository, count: 200, model: "distilbert") { $0 % 2 == 0 ? "great \($0)" : "awful \($0)" }
            let worker = JobWorker(repository: repository, scorer: service.scoreTexts(_:ids:model:source:),
                                   configuration: WorkerFixtures.configuration("worker-1"), logger: .quiet)
            let finished = try await WorkerFixtures.whileRunning([worker]) {
                try await WorkerFixtures.waitUntilFinished(repository, job.id)
            }
            #expect(finished.state == .succeeded)
            let results = try await WorkerFixtures.allResults(repository, job.id)
            #expect(results.allSatisfy { $0.result?.fallbackUsed == true && $0.result?.model == "vader" })
            #expect(results[0].result?.sentiment == .positive && results[1].result?.sentiment == .negative)
        }
    }
}
