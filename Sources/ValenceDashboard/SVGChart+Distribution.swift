extension SVGChart {
    private static let distributionHeight = 220.0

    /// The sentiment distribution as three vertical bars on a 0–100 % scale; all zeros draws the placeholder.
    public static func distribution(_ distribution: DashboardDistribution) -> String {
        let bars = [
            ("positive", distribution.positivePercent),
            ("negative", distribution.negativePercent),
            ("neutral", distribution.neutralPercent),
        ]
        guard bars.contains(where: { clampedPercent($0.1) > 0 }) else { return placeholder(height: distributionHeight) }
        let top = 20.0, bottom = 180.0, left = 48.0, slot = (width - left - 16) / Double(bars.count)
        var svg = open(height: distributionHeight, label: "Sentiment distribution, percent of predictions", kind: "distribution")
        for percent in stride(from: 0.0, through: 100, by: 50) {
            let y = bottom - percent / 100 * (bottom - top)
            svg += line(x1: left, y1: y, x2: width - 16, y2: y, className: percent == 0 ? "axis" : "grid")
            svg += text("\(Int(percent))%", x: left - 6, y: y + 4, anchor: "end")
        }
        for (index, (name, percent)) in bars.enumerated() {
            let value = clampedPercent(percent)
            let height = value / 100 * (bottom - top)
            let x = left + Double(index) * slot + slot * 0.2
            svg += rectangle(x: x, y: bottom - height, width: slot * 0.6, height: height, className: "bar \(name)",
                             tooltip: "\(name): \(NumberText.percent(percent))")
            svg += text(NumberText.percent(percent), x: x + slot * 0.3, y: bottom - height - 4, className: "value")
            svg += text(name, x: x + slot * 0.3, y: bottom + 18)
        }
        return svg + "</svg>"
    }
}
