extension SVGChart {
    private static let rowHeight = 28.0
    private static let barsLeft = 190.0
    private static let barsRight = 520.0
    private static let longestKey = 26

    /// Each model's share of the predictions as horizontal bars on a 0–100 % scale; no models draws the placeholder.
    public static func modelShare(_ models: [DashboardModelRow]) -> String {
        horizontalBars(
            models, label: "Share of predictions per model", kind: "model-share", scale: 100,
            value: { $0.sharePercent },
            valueText: { NumberText.percent($0.sharePercent) },
            tooltip: { "\($0.key): \(NumberText.percent($0.sharePercent)) of predictions (\($0.predictions))" }
        )
    }

    /// Each model's mean latency as horizontal bars, scaled to the slowest model; no models draws the placeholder.
    public static func modelLatency(_ models: [DashboardModelRow]) -> String {
        let slowest = models.map { max(NumberText.finite($0.averageLatencyMs), NumberText.finite($0.p95LatencyMs ?? 0)) }.max() ?? 0
        return horizontalBars(
            models, label: "Mean latency per model, milliseconds", kind: "model-latency", scale: max(slowest, 1),
            value: { $0.averageLatencyMs },
            valueText: { NumberText.milliseconds($0.averageLatencyMs) },
            tooltip: { row in
                "\(row.key): mean \(NumberText.milliseconds(row.averageLatencyMs))"
                    + (row.p95LatencyMs.map { ", p95 \(NumberText.milliseconds($0))" } ?? "")
            }
        )
    }

    private static func horizontalBars(
        _ models: [DashboardModelRow], label: String, kind: String, scale: Double,
        value: (DashboardModelRow) -> Double, valueText: (DashboardModelRow) -> String, tooltip: (DashboardModelRow) -> String
    ) -> String {
        guard !models.isEmpty else { return placeholder(height: 120) }
        let height = Double(models.count) * rowHeight + 16
        var svg = open(height: height, label: label, kind: kind)
        for (index, row) in models.enumerated() {
            let y = 8 + Double(index) * rowHeight
            let length = min(1, max(0, NumberText.finite(value(row)) / scale)) * (barsRight - barsLeft)
            let key = row.key.count > longestKey ? String(row.key.prefix(longestKey - 1)) + "…" : row.key
            svg += text(key, x: barsLeft - 8, y: y + 16, anchor: "end")
            svg += rectangle(x: barsLeft, y: y + 4, width: length, height: rowHeight - 10, className: "bar model", tooltip: tooltip(row))
            svg += text(valueText(row), x: barsLeft + length + 6, y: y + 16, anchor: "start", className: "value")
        }
        return svg + "</svg>"
    }
}
