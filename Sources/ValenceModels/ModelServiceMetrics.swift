import Synchronization

/// The model service's metrics: requests by model and outcome, inference duration and batch size histograms, and
/// queue depth per model. The batcher reports into it; /metrics renders it as Prometheus text or JSON.
public final class ModelServiceMetrics: Sendable {
    /// Upper bounds of the inference duration histogram, in seconds.
    public static let inferenceDurationBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// Upper bounds of the batch size histogram, in texts per batch.
    public static let batchSizeBounds: [Double] = [1, 2, 4, 8, 16, 32, 64, 128]

    struct ModelSeries: Sendable {
        var requests: [RequestOutcome: Int] = [:]
        var inferenceDuration = HistogramCounts(upperBounds: ModelServiceMetrics.inferenceDurationBounds)
        var batchSize = HistogramCounts(upperBounds: ModelServiceMetrics.batchSizeBounds)
        var queueDepth = 0
    }

    let series = Mutex<[String: ModelSeries]>([:])

    public init() {}

    /// Counts one finished request to `model`.
    public func recordRequest(model: String, outcome: RequestOutcome) {
        series.withLock { $0[model, default: ModelSeries()].requests[outcome, default: 0] += 1 }
    }

    /// Records one forward pass: how many texts it ran and how long it took.
    public func recordBatch(model: String, size: Int, duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        series.withLock { series in
            series[model, default: ModelSeries()].batchSize.observe(Double(size))
            series[model, default: ModelSeries()].inferenceDuration.observe(seconds)
        }
    }

    /// Sets the number of texts waiting for `model`.
    public func setQueueDepth(model: String, depth: Int) {
        series.withLock { $0[model, default: ModelSeries()].queueDepth = depth }
    }

    /// The counters as a Codable value (GET /metrics with `Accept: application/json`).
    public func snapshot() -> ModelServiceMetricsSnapshot {
        let series = series.withLock { $0 }
        return ModelServiceMetricsSnapshot(models: series.keys.sorted().map { model in
            let values = series[model]!
            return ModelServiceMetricsSnapshot.Model(
                model: model,
                requests: Dictionary(uniqueKeysWithValues: values.requests.map { ($0.key.rawValue, $0.value) }),
                inferenceDurationSeconds: .init(values.inferenceDuration),
                batchSize: .init(values.batchSize),
                queueDepth: values.queueDepth
            )
        })
    }
}
