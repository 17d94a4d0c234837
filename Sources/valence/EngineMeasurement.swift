import CBLAS
import Foundation
import ValenceEngine

/// The engine's in-process figures on a `RandomModel`: load time, batch-1 latency, batch throughput, the id
/// corpus, resident memory and GEMM efficiency. Keys match the peer script's (Benchmarks/engine/peer.py).
struct EngineMeasurement {
    let bench: RandomModel
    let threads: Int
    /// Few runs (smoke tests, profiling).
    let quick: Bool
    /// Batch-1 latencies only.
    let latencyOnly: Bool

    func run(log: (String) -> Void) throws -> [String: Double] {
        let weightBytes = (try FileManager.default.attributesOfItem(atPath: bench.weightFile.path)[.size] as? Int) ?? 0
        let rssBefore = Self.residentMegabytes()
        let loadStart = Self.now()
        let model = try EncoderModel(directory: bench.folder, threads: threads)
        var results: [String: Double] = ["load_seconds": Self.now() - loadStart]
        log("loaded \(bench.shape.rawValue)-base in \(String(format: "%.3f", results["load_seconds"]!)) s, "
            + (ThreadBudget.usesKernels ? "prepacked kernels" : "OpenBLAS with \(ThreadBudget.current) threads"))

        var random = SplitMix(seed: 7)
        func ids(_ length: Int) -> [Int32] {
            (0..<length).map { _ in Int32(5 + random.next() % UInt64(model.configuration.vocabularySize - 5)) }
        }
        for length in [16, 32, 64, 128] {
            let batch = [ids(length)]
            let seconds = try median(runs: length <= 32 ? 40 : 20) { _ = try model.logitsSync(batch) }
            results["latency_ms_\(length)"] = seconds * 1000
            log("batch 1 × \(length): \(String(format: "%.2f", seconds * 1000)) ms")
        }
        if latencyOnly { return results }
        for batchSize in [8, 32] {
            let batch = (0..<batchSize).map { _ in ids(128) }
            let seconds = try median(runs: batchSize == 8 ? 8 : 4, warmup: 1) { _ = try model.logitsSync(batch) }
            results["throughput_tokens_s_\(batchSize)x128"] = Double(batchSize * 128) / seconds
            log("batch \(batchSize) × 128: \(String(format: "%.0f", Double(batchSize * 128) / seconds)) tokens/s")
        }
        // The id corpus: 2,000 tweet-length id lists in batches of 32, as `valence analyze` would feed them.
        let corpus = try JSONDecoder().decode([[Int32]].self, from: Data(contentsOf: bench.corpusFile))
        let corpusSeconds = try median(runs: 3, warmup: 0) {
            for start in stride(from: 0, to: corpus.count, by: 32) {
                _ = try model.logitsSync(Array(corpus[start..<min(start + 32, corpus.count)]))
            }
        }
        results["corpus_texts_s"] = Double(corpus.count) / corpusSeconds
        results["corpus_tokens_s"] = Double(corpus.reduce(0) { $0 + $1.count }) / corpusSeconds
        log("id corpus: \(String(format: "%.0f", Double(corpus.count) / corpusSeconds)) texts/s")

        results["sgemm_gflops_4096x768x3072"] = sgemmGFLOPs(rows: 4096, columns: 3072, inner: 768)
        let linearFLOPsPerToken = 2.0 * Double(bench.layers) * (4 * 768 * 768 + 2 * 768 * 3072)
        results["model_gflops_32x128"] = results["throughput_tokens_s_32x128"]! * linearFLOPsPerToken / 1e9
        results["rss_mb"] = Self.residentMegabytes()
        results["rss_mb_before_load"] = rssBefore
        results["weights_mb"] = Double(weightBytes) / 1_048_576
        return results
    }

    /// OpenBLAS's best on this machine (all the engine's threads; the engine itself keeps OpenBLAS to one thread
    /// when it runs its own kernels), in GFLOP/s.
    private func sgemmGFLOPs(rows: Int, columns: Int, inner: Int) -> Double {
        let engineSetting = ThreadBudget.current
        ThreadBudget.apply(threads)
        defer { ThreadBudget.apply(engineSetting) }
        let a = [Float](repeating: 0.01, count: rows * inner), b = [Float](repeating: 0.02, count: columns * inner)
        var c = [Float](repeating: 0, count: rows * columns)
        let seconds = median(runs: 5) {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasint(rows), blasint(columns), blasint(inner),
                        1, a, blasint(inner), b, blasint(inner), 0, &c, blasint(columns))
        }
        return 2 * Double(rows * columns * inner) / seconds / 1e9
    }

    /// Median seconds of `body` over `runs` timed runs after `warmup` untimed ones.
    private func median(runs: Int, warmup: Int = 2, _ body: () throws -> Void) rethrows -> Double {
        let runs = quick ? min(runs, 3) : runs
        for _ in 0..<(quick ? min(warmup, 1) : warmup) { try body() }
        var times: [Double] = []
        for _ in 0..<runs {
            let start = Self.now()
            try body()
            times.append(Self.now() - start)
        }
        return times.sorted()[times.count / 2]
    }

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    private static func residentMegabytes() -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Double(line.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
    }
}
