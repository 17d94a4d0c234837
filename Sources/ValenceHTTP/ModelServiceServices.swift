import ValenceCore
import ValenceModels

/// What the model service's routes need, chosen by the composition root.
public struct ModelServiceServices: Sendable {
    /// The models this process serves, with their download and load state.
    public var registry: ModelRegistry
    public var metrics: ModelServiceMetrics
    public var limits: APILimits
    /// When set, management endpoints require it.
    public var apiKey: String?

    public init(registry: ModelRegistry, metrics: ModelServiceMetrics, limits: APILimits = APILimits(), apiKey: String? = nil) {
        self.registry = registry
        self.metrics = metrics
        self.limits = limits
        self.apiKey = apiKey
    }
}
