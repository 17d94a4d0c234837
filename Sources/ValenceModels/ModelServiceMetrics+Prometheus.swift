import Foundation

extension ModelServiceMetrics {
    /// The metrics in the Prometheus text exposition format 0.0.4 (`text/plain; version=0.0.4`).
    public func prometheusText() -> String {
        let series = series.withLock { $0 }
        let models = series.keys.sorted()
        var lines: [String] = []

        lines.append("# HELP valence_model_requests_total Requests to a model by outcome.")
        lines.append("# TYPE valence_model_requests_total counter")
        for model in models {
            for outcome in RequestOutcome.allCases {
                guard let count = series[model]!.requests[outcome] else { continue }
                lines.append("valence_model_requests_total{model=\"\(Self.escape(model))\",outcome=\"\(outcome.rawValue)\"} \(count)")
            }
        }
        Self.appendHistogram(
            "valence_inference_duration_seconds", help: "Duration of one forward pass, in seconds.",
            models: models, values: { series[$0]!.inferenceDuration }, to: &lines
        )
        Self.appendHistogram(
            "valence_batch_size", help: "Texts per forward pass.",
            models: models, values: { series[$0]!.batchSize }, to: &lines
        )
        lines.append("# HELP valence_queue_depth Texts waiting for a model.")
        lines.append("# TYPE valence_queue_depth gauge")
        for model in models {
            lines.append("valence_queue_depth{model=\"\(Self.escape(model))\"} \(series[model]!.queueDepth)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func appendHistogram(
        _ name: String, help: String, models: [String], values: (String) -> HistogramCounts, to lines: inout [String]
    ) {
        lines.append("# HELP \(name) \(help)")
        lines.append("# TYPE \(name) histogram")
        for model in models {
            let histogram = values(model)
            let label = "model=\"\(escape(model))\""
            for (bound, count) in zip(histogram.upperBounds, histogram.cumulativeCounts) {
                lines.append("\(name)_bucket{\(label),le=\"\(format(bound))\"} \(count)")
            }
            lines.append("\(name)_bucket{\(label),le=\"+Inf\"} \(histogram.count)")
            lines.append("\(name)_sum{\(label)} \(format(histogram.sum))")
            lines.append("\(name)_count{\(label)} \(histogram.count)")
        }
    }

    /// Escapes a label value: backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Formats a sample value: integral values without a fraction (`1`, not `1.0`), others in shortest form.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
