import Foundation

/// The engine benchmark's table: one column per engine, one row per figure, and ratios of ours to each peer that
/// read "times better" (throughput ours/peer; latency and load time peer/ours).
struct EngineBenchTable {
    let shape: RandomModel.Shape
    let threads: Int
    /// Ours first, then the peers.
    let columns: [(name: String, figures: [String: Double])]

    static let rows = [
        "latency_ms_16", "latency_ms_32", "latency_ms_64", "latency_ms_128",
        "throughput_tokens_s_8x128", "throughput_tokens_s_32x128", "corpus_texts_s", "corpus_tokens_s",
        "end_to_end_texts_s", "load_seconds",
    ]

    func rendered() -> String {
        guard let ours = columns.first else { return "" }
        let peers = columns.dropFirst()
        var lines = ["# \(shape.rawValue)-base, \(threads) threads; end_to_end = 2,000 texts, whole processes (tokenize + classify)"]
        lines.append(pad("figure", 28) + columns.map { pad($0.name, 14, right: true) }.joined()
                     + peers.map { pad("vs " + $0.name, 16, right: true) }.joined())
        for key in Self.rows where ours.figures[key] != nil {
            let value = ours.figures[key]!
            var line = pad(key, 28) + columns.map { pad(format($0.figures[key]), 14, right: true) }.joined()
            for peer in peers {
                let ratio = peer.figures[key].map { key.hasPrefix("latency") || key.hasPrefix("load") ? $0 / value : value / $0 }
                line += pad(ratio.map { String(format: "%.2f×", $0) } ?? "–", 16, right: true)
            }
            lines.append(line)
        }
        if let rss = ours.figures["rss_mb"], let weights = ours.figures["weights_mb"], weights > 0 {
            lines.append(String(format: "engine RSS %.0f MB for a %.0f MB weight file (%.2f×)", rss, weights, rss / weights))
        }
        if let peak = ours.figures["sgemm_gflops_4096x768x3072"], let model = ours.figures["model_gflops_32x128"], peak > 0 {
            lines.append(String(format: "OpenBLAS sgemm peak %.0f GFLOP/s; the model's linear layers at 32×128: %.0f GFLOP/s (%.0f %% of peak)",
                                peak, model, 100 * model / peak))
        }
        return lines.joined(separator: "\n")
    }

    private func format(_ value: Double?) -> String {
        guard let value else { return "–" }
        return String(format: value >= 100 ? "%.0f" : "%.2f", value)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(1, width - text.count))
        return right ? gap + text : text + gap
    }
}
