/// A JSON-friendly copy of `ModelServiceMetrics`.
public struct ModelServiceMetricsSnapshot: Sendable, Equatable, Codable {
    /// A histogram's cumulative buckets, sum and count.
    public struct Histogram: Sendable, Equatable, Codable {
        /// One entry per upper bound: how many observations were at most `le`.
        public var buckets: [Bucket]
        public var sum: Double
        public var count: Int

        init(_ counts: HistogramCounts) {
            buckets = zip(counts.upperBounds, counts.cumulativeCounts).map { Bucket(le: $0, count: $1) }
            sum = counts.sum
            count = counts.count
        }
    }

    /// One cumulative histogram bucket.
    public struct Bucket: Sendable, Equatable, Codable {
        public var le: Double
        public var count: Int
    }

    /// One model's series.
    public struct Model: Sendable, Equatable, Codable {
        public var model: String
        /// Finished requests by outcome (`ok`, `error`, `overloaded`, `timeout`, `cancelled`, `shutdown`).
        public var requests: [String: Int]
        public var inferenceDurationSeconds: Histogram
        public var batchSize: Histogram
        public var queueDepth: Int

        enum CodingKeys: String, CodingKey {
            case model, requests
            case inferenceDurationSeconds = "inference_duration_seconds", batchSize = "batch_size"
            case queueDepth = "queue_depth"
        }
    }

    /// Every model that has reported anything, sorted by key.
    public var models: [Model]
}
