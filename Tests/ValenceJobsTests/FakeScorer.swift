import Foundation
import Synchronization
import ValenceCore
import ValenceJobs
import ValenceStorage

/// A scorer for worker tests: answers from the text alone, records every text it scored, and can fail its
/// first calls, fail on a given text, or take its time.
final class FakeScorer: Sendable {
    private struct State {
        var calls = 0
        var scored: [String] = []
        var failuresLeft: Int
    }

    private let state: Mutex<State>
    private let failure: ValenceError
    private let poison: String?
    private let delay: Duration?

    init(failingFirst failures: Int = 0, with failure: ValenceError = .overloaded(retryAfterSeconds: 1),
         poison: String? = nil, delay: Duration? = nil) {
        state = Mutex(State(failuresLeft: failures))
        self.failure = failure
        self.poison = poison
        self.delay = delay
    }

    var calls: Int { state.withLock { $0.calls } }
    var scoredTexts: [String] { state.withLock { $0.scored } }

    /// The result every text gets.
    static func result(for text: String, model: String?) -> ScoredText {
        let positive = text.utf8.count % 2 == 0
        return ScoredText(sentiment: positive ? .positive : .negative, confidence: positive ? 0.9 : 0.6,
                          scores: [LabelScore(label: "neg", value: positive ? 0.1 : 0.6),
                                   LabelScore(label: "pos", value: positive ? 0.9 : 0.4)],
                          model: model ?? "default", fallbackUsed: false)
    }

    var scorer: JobScorer {
        { texts, _, model, _ in try await self.score(texts, model: model) }
    }

    private func score(_ texts: [String], model: String?) async throws -> [ScoredText] {
        let failNow = state.withLock { state -> Bool in
            state.calls += 1
            guard state.failuresLeft > 0 else { return false }
            state.failuresLeft -= 1
            return true
        }
        if failNow { throw failure }
        if let poison, texts.contains(poison) { throw failure }
        if let delay { try await Task.sleep(for: delay) }
        state.withLock { $0.scored += texts }
        return texts.map { Self.result(for: $0, model: model) }
    }
}
