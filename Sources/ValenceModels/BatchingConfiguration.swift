/// Limits of dynamic batching for one model.
public struct BatchingConfiguration: Sendable, Equatable {
    /// The most tokens (summed over the texts) one forward pass takes; a single longer text runs alone.
    public var maxBatchTokens: Int
    /// The most texts one forward pass takes.
    public var maxBatchSize: Int
    /// How long the loop waits for more texts once the first one arrived.
    public var maxWait: Duration
    /// The most texts that may wait; more are rejected with `ValenceError.overloaded`.
    public var queueCapacity: Int
    /// How long a request may wait for its results before it fails.
    public var requestTimeout: Duration

    public init(
        maxBatchTokens: Int = 8_192,
        maxBatchSize: Int = 64,
        maxWait: Duration = .milliseconds(5),
        queueCapacity: Int = 1_024,
        requestTimeout: Duration = .seconds(30)
    ) {
        self.maxBatchTokens = maxBatchTokens
        self.maxBatchSize = maxBatchSize
        self.maxWait = maxWait
        self.queueCapacity = queueCapacity
        self.requestTimeout = requestTimeout
    }
}
