import Foundation

extension SVGChart {
    private static let trendHeight = 240.0
    private static let plotLeft = 48.0
    private static let plotRight = 584.0
    private static let plotTop = 16.0
    private static let plotBottom = 196.0

    /// The sentiment trend: one line per sentiment (percent of each bucket, 0–100) over time, with a marker and
    /// tooltip per bucket and UTC time labels. Buckets are drawn in time order; no buckets or no predictions in
    /// any bucket draws the placeholder.
    public static func trend(_ buckets: [DashboardTrendBucket]) -> String {
        let ordered = buckets.sorted { $0.start < $1.start }
        guard let first = ordered.first, let last = ordered.last, ordered.contains(where: { $0.count > 0 }) else {
            return placeholder(height: trendHeight)
        }
        let span = last.start.timeIntervalSince(first.start)
        let x: (Date) -> Double = { date in
            span > 0 ? plotLeft + date.timeIntervalSince(first.start) / span * (plotRight - plotLeft) : (plotLeft + plotRight) / 2
        }
        let y: (Double) -> Double = { percent in plotBottom - clampedPercent(percent) / 100 * (plotBottom - plotTop) }
        let label: (Date) -> String = { date in span >= 86_400 ? UTCTime.dayAndClock(date) : UTCTime.clock(date) }

        var svg = open(height: trendHeight, label: "Sentiment trend, percent per time bucket (UTC)", kind: "trend")
        svg += percentAxis(y: y)
        svg += timeAxis(ordered.map(\.start), x: x, label: label)
        let series: [(name: String, value: KeyPath<DashboardTrendBucket, Double>)] = [
            ("positive", \.positivePercent), ("negative", \.negativePercent), ("neutral", \.neutralPercent),
        ]
        for (name, value) in series {
            let points = ordered.map { (x: x($0.start), y: y($0[keyPath: value])) }
            let path = points.enumerated().map { index, point in
                "\(index == 0 ? "M" : "L")\(NumberText.coordinate(point.x)) \(NumberText.coordinate(point.y))"
            }.joined(separator: " ")
            svg += "<path class=\"series \(name)\" d=\"\(path)\"/>"
            for (bucket, point) in zip(ordered, points) {
                let tip = "\(UTCTime.full(bucket.start)): \(name) \(NumberText.percent(bucket[keyPath: value])) of \(bucket.count) predictions"
                svg += "<circle class=\"point \(name)\" cx=\"\(NumberText.coordinate(point.x))\" cy=\"\(NumberText.coordinate(point.y))\" r=\"3\">\(title(tip))</circle>"
            }
        }
        svg += legend(series.map(\.name))
        return svg + "</svg>"
    }

    private static func percentAxis(y: (Double) -> Double) -> String {
        var svg = ""
        for percent in stride(from: 0.0, through: 100, by: 25) {
            svg += line(x1: plotLeft, y1: y(percent), x2: plotRight, y2: y(percent), className: percent == 0 ? "axis" : "grid")
            svg += text("\(Int(percent))%", x: plotLeft - 6, y: y(percent) + 4, anchor: "end")
        }
        return svg
    }

    /// At most six labels, spread evenly over the buckets, always including the first and the last.
    private static func timeAxis(_ starts: [Date], x: (Date) -> Double, label: (Date) -> String) -> String {
        let labelCount = min(starts.count, 6)
        let indices = labelCount == 1 ? [0] : (0..<labelCount).map { $0 * (starts.count - 1) / (labelCount - 1) }
        var svg = ""
        for index in indices {
            svg += text(label(starts[index]), x: x(starts[index]), y: plotBottom + 18)
        }
        return svg + text("time (UTC)", x: (plotLeft + plotRight) / 2, y: trendHeight - 4, className: "axis-title")
    }

    private static func legend(_ names: [String]) -> String {
        var svg = ""
        for (index, name) in names.enumerated() {
            let x = plotRight - Double(names.count - index) * 80
            svg += "<rect class=\"swatch \(name)\" x=\"\(NumberText.coordinate(x))\" y=\"2\" width=\"10\" height=\"10\"/>"
            svg += text(name, x: x + 14, y: 11, anchor: "start")
        }
        return svg
    }
}
