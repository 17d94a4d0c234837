import Foundation
import Logging
import Synchronization
import Testing
import ValenceTestSupport
import ValenceCore
import ValenceResilience

/// A sink that keeps what it is given.
final class CollectingSink: PredictionSink {
    private let storage = Mutex<[PredictionRecord]>([])
    func record(_ records: [PredictionRecord]) { storage.withLock { $0.append(contentsOf: records) } }
    var records: [PredictionRecord] { storage.withLock { $0 } }
}

/// Counts calls; fails while `failing` is set.
final class CountingModel: SentimentModel {
    let key = "counting"
    private let state = Mutex((calls: 0, failing: true))
    var calls: Int { state.withLock { $0.calls } }
    func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }
    func classify(_ texts: [String]) async throws -> [Classification] {
        let failing = state.withLock { $0.calls += 1; return $0.failing }
        if failing { throw CancellationError() }
        return texts.map { _ in Classification(sentiment: .negative, confidence: 1, scores: []) }
    }
}

/// A model that answers with a fixed label, or fails.
struct ScriptedModel: SentimentModel {
    let key: String
    let fails: Bool
    func classify(_ texts: [String]) async throws -> [Classification] {
        if fails { throw CancellationError() }
        return texts.map { _ in Classification(sentiment: .positive, confidence: 0.9, scores: [LabelScore(label: "POSITIVE", value: 0.9)]) }
    }
}

struct ScriptedProvider: ModelProvider {
    let defaultModelKey = "scripted"
    let resolution: @Sendable (String) -> ModelResolution?
    func resolve(_ key: String?) async throws -> ModelResolution {
        guard let resolved = resolution(key ?? defaultModelKey) else { throw ValenceError.unknownModel(key ?? defaultModelKey) }
        return resolved
    }
    func statuses() async -> [ModelStatus] { [] }
}

@Suite("Prediction service: fallback and recording")
struct PredictionServiceTests {
    let logger = Logger.quiet

    @Test("a ready model answers without fallback and every text is recorded")
    func readyModel() async throws {
        let sink = CollectingSink()
        let provider = ScriptedProvider { _ in .ready(ScriptedModel(key: "scripted", fails: false)) }
        let service = PredictionService(provider: provider, sink: sink, logger: logger)
        let outcome = try await service.predict(["a", "b"], model: nil, source: "test")
        #expect(outcome.modelUsed == "scripted")
        #expect(outcome.fallbackUsed == false)
        #expect(outcome.results.count == 2)
        #expect(sink.records.map(\.text) == ["a", "b"])
        #expect(sink.records.map(\.id) == outcome.ids)
        #expect(sink.records.allSatisfy { $0.source == "test" && $0.model == "scripted" && !$0.fallbackUsed })
    }

    @Test("an unavailable model is answered by VADER with the reason tracked")
    func unavailableModel() async throws {
        let sink = CollectingSink()
        let tracker = FallbackTracker()
        let provider = ScriptedProvider { key in .unavailable(key: key, reason: "not downloaded") }
        let service = PredictionService(provider: provider, sink: sink, tracker: tracker, logger: logger)
        let outcome = try await service.predict(["I love it"], model: "distilbert-sentiment")
        #expect(outcome.fallbackUsed)
        #expect(outcome.modelUsed == "vader")
        #expect(tracker.snapshot.reasons["distilbert-sentiment"] == "not downloaded")
        #expect(tracker.snapshot.fallbackAnswers == 1)
        #expect(sink.records.first?.fallbackUsed == true)
    }

    @Test("a failing model call is answered by the fallback, never an error")
    func failingModel() async throws {
        let provider = ScriptedProvider { _ in .ready(ScriptedModel(key: "scripted", fails: true)) }
        let service = PredictionService(provider: provider, sink: DiscardingPredictionSink(), logger: logger)
        let outcome = try await service.predict(["x", "y", "z"], model: nil)
        #expect(outcome.fallbackUsed)
        #expect(outcome.results.count == 3)
    }

    @Test("an unknown model key is an error")
    func unknownModel() async {
        let provider = ScriptedProvider { _ in nil }
        let service = PredictionService(provider: provider, sink: DiscardingPredictionSink(), logger: logger)
        await #expect(throws: ValenceError.unknownModel("nope")) {
            try await service.predict(["x"], model: "nope")
        }
    }

    @Test("a model that declines (not ready, overloaded) is answered by VADER without counting against the breaker")
    func declined() async throws {
        struct DecliningModel: SentimentModel {
            let key = "declining"
            func classify(_ texts: [String]) async throws -> [Classification] {
                throw ModelDeclined(reason: "model 'declining' is loading")
            }
        }
        let breaker = CircuitBreaker(configuration: CircuitBreakerConfiguration(maxFailures: 1))
        let tracker = FallbackTracker()
        let service = PredictionService(provider: ScriptedProvider { _ in .ready(DecliningModel()) }, breaker: breaker,
                                        sink: DiscardingPredictionSink(), tracker: tracker, logger: logger)
        for _ in 0..<3 { #expect(try await service.predict(["x"], model: nil).fallbackUsed) }
        #expect(breaker.status.state == .closed)
        #expect(breaker.status.failuresInWindow == 0)
        #expect(tracker.snapshot.reasons["declining"] == "model 'declining' is loading")
    }

    @Test("failures open the breaker; then the model is not called and VADER answers; a probe closes it")
    func breakerAroundModel() async throws {
        let model = CountingModel()
        let breaker = CircuitBreaker(configuration: CircuitBreakerConfiguration(maxFailures: 3, openTimeout: .milliseconds(200)))
        let tracker = FallbackTracker()
        let provider = ScriptedProvider { _ in .ready(model) }
        let service = PredictionService(provider: provider, breaker: breaker, sink: DiscardingPredictionSink(),
                                        tracker: tracker, logger: logger)
        for _ in 0..<3 { #expect(try await service.predict(["x"], model: nil).fallbackUsed) }
        #expect(breaker.status.state == .open)
        #expect(try await service.predict(["x"], model: nil).fallbackUsed)
        #expect(model.calls == 3)
        #expect(tracker.snapshot.reasons["counting"] == "the circuit breaker is open")
        model.setFailing(false)
        try await Task.sleep(for: .milliseconds(250))
        let recovered = try await service.predict(["x"], model: nil)
        #expect(recovered.fallbackUsed == false)
        #expect(recovered.modelUsed == "counting")
        #expect(breaker.status.state == .closed)
        #expect(breaker.status.activations == 1)
    }

    @Test("records take the ids the caller gives, so a text scored twice is stored once")
    func callerIDs() async throws {
        let sink = CollectingSink()
        let service = PredictionService(provider: ScriptedProvider { _ in .ready(VaderSentimentModel()) }, sink: sink, logger: logger)
        let ids = [UUID(), UUID()]
        let outcome = try await service.predict(["good", "bad"], model: "vader", ids: ids)
        #expect(outcome.ids == ids)
        #expect(sink.records.map(\.id) == ids)
    }

    @Test("VADER requested by name is answered directly, never counted as a fallback")
    func vaderDirect() async throws {
        let provider = ScriptedProvider { _ in .ready(VaderSentimentModel()) }
        let service = PredictionService(provider: provider, sink: DiscardingPredictionSink(), logger: logger)
        let outcome = try await service.predict(["great"], model: "vader")
        #expect(outcome.fallbackUsed == false)
        #expect(outcome.modelUsed == "vader")
    }
}
