import Foundation
import Logging
import ValenceResilience

/// The answer to one predict call (one or many texts).
public struct PredictionOutcome: Sendable {
    public var results: [Classification]
    /// The stored record ids, one per text (also the request id of a single-text call).
    public var ids: [UUID]
    public var modelUsed: String
    public var fallbackUsed: Bool
    public var processingTimeMs: Double
    public var timestamp: Date
}

/// Scores texts with the requested model, falls back to VADER whenever that model cannot answer (not ready,
/// failing, or the circuit breaker open), and hands every answered text to the sink. A client never sees a
/// model failure.
public struct PredictionService: Sendable {
    private let provider: any ModelProvider
    private let breaker: CircuitBreaker
    private let fallback: VaderSentimentModel
    private let sink: any PredictionSink
    private let tracker: FallbackTracker
    private let logger: Logger

    public init(
        provider: any ModelProvider,
        breaker: CircuitBreaker = CircuitBreaker(),
        sink: any PredictionSink,
        tracker: FallbackTracker = FallbackTracker(),
        fallback: VaderSentimentModel = VaderSentimentModel(),
        logger: Logger
    ) {
        self.provider = provider
        self.breaker = breaker
        self.sink = sink
        self.tracker = tracker
        self.fallback = fallback
        self.logger = logger
    }

    /// Scores `texts` with `model` (nil → the provider's default), recording each under `ids` when given (one per
    /// text: a caller that may score the same text twice, like a job worker after a crash, keeps it stored once).
    /// Throws only `ValenceError.unknownModel` for a key nobody knows.
    public func predict(_ texts: [String], model: String?, source: String? = nil, ids: [UUID]? = nil) async throws -> PredictionOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let (results, modelUsed, fallbackUsed) = try await classify(texts, model: model)
        let milliseconds = start.duration(to: clock.now).inMilliseconds
        let timestamp = Date()
        let perText = texts.isEmpty ? 0 : milliseconds / Double(texts.count)
        var records: [PredictionRecord] = []
        records.reserveCapacity(texts.count)
        for (index, (text, result)) in zip(texts, results).enumerated() {
            records.append(PredictionRecord(
                id: ids.flatMap { index < $0.count ? $0[index] : nil } ?? UUID(), createdAt: timestamp, text: text, source: source,
                sentiment: result.sentiment, confidence: result.confidence, scores: result.scores,
                model: modelUsed, fallbackUsed: fallbackUsed, latencyMs: perText
            ))
        }
        sink.record(records)
        return PredictionOutcome(
            results: results, ids: records.map(\.id), modelUsed: modelUsed, fallbackUsed: fallbackUsed,
            processingTimeMs: milliseconds, timestamp: timestamp
        )
    }

    private func classify(_ texts: [String], model: String?) async throws -> ([Classification], String, Bool) {
        switch try await provider.resolve(model) {
        case .ready(let resolved) where resolved.key == fallback.key:
            return (texts.map(fallback.classify), fallback.key, false)  // VADER itself needs no breaker
        case .ready(let resolved):
            let permission = breaker.permission()
            guard permission != .rejected else {
                return answerWithFallback(texts, model: resolved.key, reason: "the circuit breaker is open")
            }
            let clock = ContinuousClock()
            let start = clock.now
            do {
                let results = try await resolved.classify(texts)
                guard results.count == texts.count else {
                    breaker.record(success: false, permission: permission)
                    return answerWithFallback(texts, model: resolved.key,
                                              reason: "model returned \(results.count) results for \(texts.count) texts")
                }
                breaker.record(success: true, permission: permission, duration: start.duration(to: clock.now))
                return (results, resolved.key, false)
            } catch let declined as ModelDeclined {
                breaker.record(success: true, permission: permission)  // the service answered: it is not failing
                return answerWithFallback(texts, model: resolved.key, reason: declined.reason)
            } catch {
                breaker.record(success: false, permission: permission)
                return answerWithFallback(texts, model: resolved.key, reason: "model call failed: \(error)")
            }
        case .unavailable(let key, let reason):
            return answerWithFallback(texts, model: key, reason: reason)
        }
    }

    private func answerWithFallback(_ texts: [String], model: String, reason: String) -> ([Classification], String, Bool) {
        tracker.noteFallback(model: model, reason: reason, count: texts.count)
        logger.debug("answered by fallback", metadata: ["model.key": "\(model)", "fallback.reason": "\(reason)"])
        return (texts.map(fallback.classify), fallback.key, true)
    }
}
