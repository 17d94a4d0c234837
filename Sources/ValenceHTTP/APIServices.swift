import Foundation
import ValenceCore
import ValenceResilience
import ValenceStorage

/// What the gateway routes need, chosen by the composition root.
public struct APIServices: Sendable {
    public var predictions: PredictionService
    public var models: any ModelProvider
    public var repository: any PredictionRepository
    public var alerts: any AlertRepository
    public var breakerEvents: any BreakerEventRepository
    public var jobs: any JobRepository
    public var sources: any SourceRepository
    public var writer: PredictionWriter
    public var fallbackTracker: FallbackTracker
    /// The breaker around model calls (the same one the prediction service uses).
    public var breaker: CircuitBreaker
    /// A database round trip; throws when the database is unreachable.
    public var pingDatabase: @Sendable () async throws -> Void
    /// The database driver's name for /status (`sqlite`, `postgres`).
    public var databaseDriver: String
    public var limits: APILimits
    /// When set, management endpoints require it (`X-API-Key` or `Authorization: Bearer`).
    public var apiKey: String?
    public var startedAt: Date
    /// The model-service replicas behind a gateway, each with its own breaker (empty when models run in process).
    public var replicas: @Sendable () -> [ModelServiceReplicaStatus]

    public init(predictions: PredictionService, models: any ModelProvider, repository: any PredictionRepository,
                alerts: any AlertRepository, breakerEvents: any BreakerEventRepository, jobs: any JobRepository,
                sources: any SourceRepository, writer: PredictionWriter, fallbackTracker: FallbackTracker, breaker: CircuitBreaker,
                pingDatabase: @escaping @Sendable () async throws -> Void, databaseDriver: String,
                limits: APILimits = APILimits(), apiKey: String? = nil, startedAt: Date = Date(),
                replicas: @escaping @Sendable () -> [ModelServiceReplicaStatus] = { [] }) {
        self.predictions = predictions
        self.models = models
        self.repository = repository
        self.alerts = alerts
        self.breakerEvents = breakerEvents
        self.jobs = jobs
        self.sources = sources
        self.writer = writer
        self.fallbackTracker = fallbackTracker
        self.breaker = breaker
        self.pingDatabase = pingDatabase
        self.databaseDriver = databaseDriver
        self.limits = limits
        self.apiKey = apiKey
        self.startedAt = startedAt
        self.replicas = replicas
    }
}

/// Request bounds.
public struct APILimits: Sendable {
    /// The largest accepted request body, in bytes.
    public var maxBodyBytes: Int
    /// The most texts one /predict/batch call may carry.
    public var maxBatchSize: Int
    /// The largest `{"texts": [...]}` job body (uploads stream and have no limit).
    public var maxJobBodyBytes: Int

    public init(maxBodyBytes: Int = 1 << 20, maxBatchSize: Int = 1_000, maxJobBodyBytes: Int = 64 << 20) {
        self.maxBodyBytes = maxBodyBytes
        self.maxBatchSize = maxBatchSize
        self.maxJobBodyBytes = maxJobBodyBytes
    }
}
