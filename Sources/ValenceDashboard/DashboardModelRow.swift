/// One model in the model comparison.
public struct DashboardModelRow: Sendable, Equatable {
    /// The model key, e.g. `distilbert-sentiment` (user-influenced: always escaped when rendered).
    public var key: String
    /// Share of the period's predictions this model answered, 0–100.
    public var sharePercent: Double
    /// Predictions this model answered in the period.
    public var predictions: Int
    /// Mean processing time, in milliseconds.
    public var averageLatencyMs: Double
    /// 95th percentile processing time in milliseconds, when known.
    public var p95LatencyMs: Double?
    /// Readiness as shown to people, e.g. "ready", "loading", "failed: checksum mismatch".
    public var status: String

    /// Creates a row.
    public init(key: String, sharePercent: Double, predictions: Int, averageLatencyMs: Double, p95LatencyMs: Double? = nil, status: String) {
        self.key = key
        self.sharePercent = sharePercent
        self.predictions = predictions
        self.averageLatencyMs = averageLatencyMs
        self.p95LatencyMs = p95LatencyMs
        self.status = status
    }
}
