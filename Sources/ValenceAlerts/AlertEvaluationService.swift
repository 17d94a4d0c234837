import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import ValenceStorage

/// Every `interval`, measures the alert signals, runs the evaluator and applies its actions through the
/// repository, logging each raise and resolve. A failing evaluation (e.g. the database is away) is logged and
/// retried on the next tick; it never stops the service.
public final class AlertEvaluationService: Service {
    private let evaluator: AlertEvaluator
    private let signals: any AlertSignalSource
    private let repository: any AlertRepository
    private let droppedRecords: @Sendable () -> Int
    private let interval: Duration
    private let logger: Logger
    /// The writer's drop counter at the last successful evaluation.
    private let droppedAtLastEvaluation = Mutex(0)

    /// - Parameters:
    ///   - droppedRecords: the prediction writer's running count of dropped records (e.g. `{ writer.snapshot.dropped }`).
    public init(evaluator: AlertEvaluator, signals: any AlertSignalSource, repository: any AlertRepository,
                droppedRecords: @escaping @Sendable () -> Int = { 0 }, interval: Duration = .seconds(30), logger: Logger) {
        self.evaluator = evaluator
        self.signals = signals
        self.repository = repository
        self.droppedRecords = droppedRecords
        self.interval = interval
        self.logger = logger
    }

    /// Evaluates every `interval` until graceful shutdown or cancellation.
    public func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                do {
                    try await evaluate(now: Date())
                } catch where Task.isCancelled {
                    return
                } catch {
                    logger.error("alert evaluation failed; retrying next tick",
                                 metadata: ["error": "\(error)", "retry.after": "\(interval)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// Measures, evaluates and applies once, as of `now`; returns the actions applied.
    @discardableResult
    public func evaluate(now: Date) async throws -> [AlertAction] {
        let droppedTotal = droppedRecords()
        var measured = try await signals.measure(at: now)
        measured.droppedRecords = max(0, droppedTotal - droppedAtLastEvaluation.withLock { $0 })
        let actions = evaluator.evaluate(measured, openAlerts: try await repository.open())
        for action in actions {
            try await apply(action, at: now)
        }
        droppedAtLastEvaluation.withLock { $0 = max($0, droppedTotal) }
        return actions
    }

    private func apply(_ action: AlertAction, at now: Date) async throws {
        switch action {
        case .raise(let observation):
            let alert = try await repository.raiseOrUpdate(observation, at: now)
            logger.warning("alert raised: \(observation.message)", metadata: metadata(alert))
        case .update(_, let observation):
            let alert = try await repository.raiseOrUpdate(observation, at: now)
            logger.debug("alert still holds", metadata: metadata(alert))
        case .resolve(_, let rule, let key):
            if let alert = try await repository.resolve(rule: rule, key: key, at: now) {
                logger.info("alert resolved", metadata: metadata(alert))
            }
        }
    }

    private func metadata(_ alert: Alert) -> Logger.Metadata {
        [
            "alert.id": "\(alert.id.uuidString.lowercased())", "alert.rule": "\(alert.rule)", "alert.key": "\(alert.key)",
            "alert.severity": "\(alert.severity.rawValue)", "alert.state": "\(alert.state.rawValue)",
            "alert.value": "\(alert.value)", "alert.threshold": "\(alert.threshold)",
        ]
    }
}
