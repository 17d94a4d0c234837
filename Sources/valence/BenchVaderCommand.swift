import ArgumentParser
import Foundation

/// `valence bench vader`: `valence analyze --model vader` against a Python script doing the same job with
/// vaderSentiment, both as whole processes on the same JSONL corpus, in the same run.
struct BenchVaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vader",
        abstract: "End-to-end VADER throughput against the Python package (whole processes, same corpus)."
    )

    @Option(help: "JSONL corpus whose texts are cycled to build the input.") var corpus = "Benchmarks/corpus/tweets.jsonl"
    @Option(help: "Records in the benchmark input.") var records = 200_000
    @Option(help: "The Python peer script.") var peer = "Benchmarks/vader/peer.py"
    @Option(help: "Python interpreter with vaderSentiment 3.3.2 installed.") var python = "python3"

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("valence-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("input.jsonl").path
        let bytes = try BenchCorpus.write(records: records, cycling: corpus, to: input)
        print("corpus: \(records) records, \(bytes / 1_000_000) MB (texts from \(corpus))")

        let ours = work.appendingPathComponent("ours.jsonl").path
        let ourSeconds = try BenchProcess.time(BenchProcess.selfExecutable, ["analyze", "--model", "vader", "--input", input, "--output", ours])
        print(BenchProcess.row("valence analyze --model vader", seconds: ourSeconds, records: records))

        guard FileManager.default.fileExists(atPath: peer) else {
            print("peer: \(peer) not found (run from the repository root); no ratio")
            return
        }
        let theirs = work.appendingPathComponent("peer.jsonl").path
        guard let peerSeconds = try? BenchProcess.time(python, [peer, input, theirs]) else {
            print("peer: '\(python) \(peer)' failed (is vaderSentiment 3.3.2 installed? pip install vaderSentiment==3.3.2); no ratio")
            return
        }
        print(BenchProcess.row("python vaderSentiment (peer.py)", seconds: peerSeconds, records: records))
        let agreement = try BenchCorpus.compareCompound(ours, theirs)
        print(String(format: "ratio: %.1fx faster; compound within 1e-4 on %d/%d records", peerSeconds / ourSeconds, agreement.matching, agreement.total))
    }
}
