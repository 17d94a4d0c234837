import Foundation

/// What GET /analytics asks for: a period `[from, to)`, optional source and model filters, and a trend bucket.
public struct AnalyticsQuery: Sendable, Equatable {
    /// Inclusive lower bound on the prediction time; nil means from the first prediction.
    public var from: Date?
    /// Exclusive upper bound on the prediction time; nil means up to the last prediction.
    public var to: Date?
    public var source: String?
    public var model: String?
    /// When set, the report carries a trend series of this width.
    public var bucket: AnalyticsBucket?

    public init(from: Date? = nil, to: Date? = nil, source: String? = nil, model: String? = nil, bucket: AnalyticsBucket? = nil) {
        self.from = from
        self.to = to
        self.source = source
        self.model = model
        self.bucket = bucket
    }

    /// The period of the same length just before `[from, to)`; nil unless both bounds are set.
    public var previousPeriod: AnalyticsQuery? {
        guard let from, let to else { return nil }
        var previous = self
        previous.from = from.addingTimeInterval(-to.timeIntervalSince(from))
        previous.to = from
        return previous
    }
}
