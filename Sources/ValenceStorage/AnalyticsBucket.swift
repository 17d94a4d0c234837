/// The width of one trend point. Buckets are UTC; weeks start on Monday.
public enum AnalyticsBucket: String, Sendable, CaseIterable, Codable {
    case minute, hour, day, week

    /// Seconds per bucket.
    public var width: Double {
        switch self {
        case .minute: 60
        case .hour: 3_600
        case .day: 86_400
        case .week: 604_800
        }
    }

    /// The epoch time of a bucket boundary: the epoch itself, or for weeks Monday 1970-01-05 00:00 UTC
    /// (the epoch was a Thursday).
    public var origin: Double {
        self == .week ? 345_600 : 0
    }
}
