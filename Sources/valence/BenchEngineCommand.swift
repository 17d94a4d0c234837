import ArgumentParser
import Foundation

extension RandomModel.Shape: ExpressibleByArgument {}

/// `valence bench engine`: the engine on a base-sized random model against PyTorch `transformers` and ONNX Runtime
/// (2 intra-op threads, graph optimisation on) measured in the same run: batch-1 latency, batch throughput, an id
/// corpus, and the corpus end to end as whole processes (`valence analyze --model-dir` against a Python script that
/// tokenizes with HuggingFace `tokenizers` and classifies), with load time and resident memory (DESIGN.md section 11).
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Engine latency and throughput against PyTorch and ONNX Runtime on the same random base-sized model."
    )

    @Option(help: "Model shape: distilbert or roberta.") var model: RandomModel.Shape = .distilbert
    @Option(help: "Where the random model folders are written (kept for later runs).") var dir = "/tmp/valence-bench"
    @Option(help: "Engine threads (the peers get the same number).") var threads = 2
    @Option(help: "JSONL corpus whose first 2,000 texts are the end-to-end corpus.") var corpus = "Benchmarks/corpus/tweets.jsonl"
    @Option(help: "The Python peer script.") var peer = "Benchmarks/engine/peer.py"
    @Option(help: "Python interpreter with torch (CPU), transformers, onnx, onnxruntime and tokenizers.") var python = "python3"
    @Flag(help: "Few runs (smoke tests, profiling).") var quick = false
    @Flag(help: "Batch-1 latencies only.") var latencyOnly = false

    func run() throws {
        let bench = RandomModel(shape: model, folder: URL(fileURLWithPath: dir).appendingPathComponent("\(model.rawValue)-base"))
        try bench.materialise(texts: try BenchCorpus.texts(corpus))
        var table: [(name: String, figures: [String: Double])] = []
        var ours = try EngineMeasurement(bench: bench, threads: threads, quick: quick, latencyOnly: latencyOnly)
            .run { FileHandle.standardError.write(Data(("valence: " + $0 + "\n").utf8)) }
        if !latencyOnly {
            let seconds = try BenchProcess.time(BenchProcess.selfExecutable, [
                "analyze", "--model-dir", bench.folder.path, "--input", bench.textsFile.path, "--output", "/dev/null",
            ], environment: ["OPENBLAS_NUM_THREADS": "\(threads)"])
            ours["end_to_end_texts_s"] = Double(RandomModel.corpusSize) / seconds
        }
        table.append(("Valence", ours))
        table += peers()
        print(EngineBenchTable(shape: model, threads: threads, columns: table).rendered())
    }

    /// The peers' figures, or none (with the reason printed) when Python or its packages are missing.
    private func peers() -> [(name: String, figures: [String: Double])] {
        guard FileManager.default.fileExists(atPath: peer) else {
            print("peer: \(peer) not found (run from the repository root); no ratios")
            return []
        }
        let common = [peer, "--dir", dir, "--model", model.rawValue, "--threads", "\(threads)"]
        let modes = (quick ? ["--quick"] : []) + (latencyOnly ? ["--latency-only"] : [])
        guard let output = try? BenchProcess.output(python, common + modes),
              let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Double]] else {
            print("peer: '\(python) \(peer)' failed (needs torch, transformers, onnx, onnxruntime, tokenizers); no ratios")
            return []
        }
        return ["ONNX Runtime", "PyTorch"].compactMap { name in
            guard var figures = object[name] else { return nil }
            if !latencyOnly,
               let seconds = try? BenchProcess.time(python, common + ["--end-to-end", name == "PyTorch" ? "torch" : "onnx"]) {
                figures["end_to_end_texts_s"] = Double(RandomModel.corpusSize) / seconds
            }
            return (name, figures)
        }
    }
}
