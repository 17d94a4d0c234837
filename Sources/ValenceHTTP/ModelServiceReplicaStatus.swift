import Foundation
import ValenceCore
import ValenceResilience

/// What the gateway knows about one model-service replica, for /status and /failsafe/status.
public struct ModelServiceReplicaStatus: Sendable {
    public var url: String
    /// nil until the first health check or call.
    public var reachable: Bool?
    public var lastError: String?
    public var lastCheckedAt: Date?
    public var defaultModel: String?
    public var models: [ModelStatus]
    /// The replica's own breaker (reset with the overall one by POST /failsafe/reset).
    public var breaker: CircuitBreaker

    public init(url: String, reachable: Bool?, lastError: String?, lastCheckedAt: Date?, defaultModel: String?,
                models: [ModelStatus], breaker: CircuitBreaker) {
        self.url = url
        self.reachable = reachable
        self.lastError = lastError
        self.lastCheckedAt = lastCheckedAt
        self.defaultModel = defaultModel
        self.models = models
        self.breaker = breaker
    }
}
