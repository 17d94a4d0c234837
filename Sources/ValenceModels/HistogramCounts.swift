/// A Prometheus-style histogram: counts per upper bound (not cumulative here), sum and count.
struct HistogramCounts: Sendable, Equatable {
    let upperBounds: [Double]
    /// One count per upper bound, plus one for values above the last bound.
    private(set) var counts: [Int]
    private(set) var sum: Double = 0
    private(set) var count = 0

    init(upperBounds: [Double]) {
        self.upperBounds = upperBounds
        counts = Array(repeating: 0, count: upperBounds.count + 1)
    }

    mutating func observe(_ value: Double) {
        let bucket = upperBounds.firstIndex { value <= $0 } ?? upperBounds.count
        counts[bucket] += 1
        sum += value
        count += 1
    }

    /// The cumulative count for each upper bound, as Prometheus' `le` buckets report them (without `+Inf`).
    var cumulativeCounts: [Int] {
        var running = 0
        return upperBounds.indices.map { index in
            running += counts[index]
            return running
        }
    }
}
