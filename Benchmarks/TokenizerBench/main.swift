// Tokenizer throughput: ValenceTokenizers against the Python `tokenizers` package (Rust), one
// thread each, on the 6,200 tweets of Benchmarks/corpus/tweets.jsonl, measured in the same run.
//
//   swift run -c release TokenizerBench [--data Benchmarks/corpus/tweets.jsonl] \
//       --tokenizer wordpiece=Tests/ValenceTokenizersTests/Fixtures/minilm-wordpiece.tokenizer.json.gz \
//       --tokenizer bpe=/path/to/model/tokenizer.json \
//       --python /path/to/venv/bin/python
//
// Without --tokenizer it runs the three main parity fixtures (gzip files are unpacked with gzip -dc).
//
// Tokens are the ids `encode` returns (special tokens included, tokenizer.json's truncation
// applied, no padding). The peer runs `Tokenizer.encode` in a Python loop and, noted separately,
// `encode_batch`, both with TOKENIZERS_PARALLELISM=false. Best of --repeat passes.
import Foundation
import ValenceTokenizers

struct Options {
    var data = "Benchmarks/corpus/tweets.jsonl"
    var tokenizers: [(String, String)] = []
    var python = "python3"
    var repeats = 5

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let flag = arguments[i]
            let value = i + 1 < arguments.count ? arguments[i + 1] : ""
            switch flag {
            case "--data": data = value
            case "--python": python = value
            case "--repeat": repeats = max(1, Int(value) ?? 5)
            case "--tokenizer":
                let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2 { tokenizers.append((parts[0], parts[1])) }
            default:
                FileHandle.standardError.write(Data("unknown argument \(flag)\n".utf8))
                exit(2)
            }
            i += 2
        }
        if tokenizers.isEmpty {
            let fixtures = "Tests/ValenceTokenizersTests/Fixtures"
            tokenizers = [
                ("wordpiece", "\(fixtures)/minilm-wordpiece.tokenizer.json.gz"),
                ("bpe", "\(fixtures)/bpe-bytelevel.tokenizer.json.gz"),
                ("unigram", "\(fixtures)/unigram-precompiled.tokenizer.json.gz"),
            ]
        }
    }
}

/// The texts of a JSONL corpus (field "text"), by default the repository's benchmark corpus.
func loadCorpus(_ path: String) throws -> [String] {
    struct Row: Decodable { var text: String }
    let decoder = JSONDecoder()
    return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.isEmpty }.map {
        try decoder.decode(Row.self, from: Data($0.utf8)).text
    }
}

/// A plain tokenizer.json for `path`, unpacking `.gz` files into `scratch` with gzip.
func plainFile(_ path: String, scratch: URL, name: String) -> String? {
    guard path.hasSuffix(".gz") else { return path }
    let target = scratch.appendingPathComponent("\(name).tokenizer.json")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", path]
    guard FileManager.default.createFile(atPath: target.path, contents: nil),
          let output = FileHandle(forWritingAtPath: target.path) else { return nil }
    process.standardOutput = output
    do {
        try process.run()
    } catch {
        return nil
    }
    process.waitUntilExit()
    try? output.close()
    return process.terminationStatus == 0 ? target.path : nil
}

func measureSwift(_ tokenizer: Tokenizer, _ texts: [String], repeats: Int) -> (tokens: Int, seconds: Double) {
    var tokens = 0
    for text in texts { tokens += tokenizer.encode(text).count }  // warm-up
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        var count = 0
        for text in texts { count += tokenizer.encode(text).count }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        precondition(count == tokens)
        best = min(best, seconds)
    }
    return (tokens, best)
}

let peerScript = #"""
import json, os, sys, time
os.environ["TOKENIZERS_PARALLELISM"] = "false"
from tokenizers import Tokenizer
path, corpus, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = json.load(open(corpus, encoding="utf-8"))
tok = Tokenizer.from_file(path)
tok.no_padding()
tokens = sum(len(tok.encode(t).ids) for t in texts)
best_loop = best_batch = float("inf")
for _ in range(repeats):
    start = time.perf_counter()
    for t in texts:
        tok.encode(t)
    best_loop = min(best_loop, time.perf_counter() - start)
    start = time.perf_counter()
    tok.encode_batch(texts)
    best_batch = min(best_batch, time.perf_counter() - start)
print(json.dumps({"tokens": tokens, "loop": best_loop, "batch": best_batch}))
"""#

func measurePython(_ options: Options, tokenizerPath: String, corpusFile: URL, scriptFile: URL) -> (tokens: Int, loop: Double, batch: Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [options.python, scriptFile.path, tokenizerPath, corpusFile.path, String(options.repeats)]
    var environment = ProcessInfo.processInfo.environment
    environment["TOKENIZERS_PARALLELISM"] = "false"
    environment["RAYON_NUM_THREADS"] = "1"
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        return nil
    }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let object = try? JSONSerialization.jsonObject(with: output) as? [String: Any],
          let tokens = (object["tokens"] as? NSNumber)?.intValue,
          let loop = (object["loop"] as? NSNumber)?.doubleValue,
          let batch = (object["batch"] as? NSNumber)?.doubleValue else { return nil }
    return (tokens, loop, batch)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let texts: [String]
do {
    texts = try loadCorpus(options.data)
} catch {
    FileHandle.standardError.write(Data("cannot read the corpus \(options.data): \(error)\n".utf8))
    exit(1)
}
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tokenizer-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }
let corpusFile = scratch.appendingPathComponent("corpus.json")
let scriptFile = scratch.appendingPathComponent("peer.py")
try JSONSerialization.data(withJSONObject: texts).write(to: corpusFile)
try Data(peerScript.utf8).write(to: scriptFile)

print("\(texts.count) texts, single thread, best of \(options.repeats)")
print("tokenizer   tokens    swift tok/s   python encode tok/s  ratio   python encode_batch tok/s  ratio")
for (name, original) in options.tokenizers {
    guard let path = plainFile(original, scratch: scratch, name: name) else {
        print("\(name): cannot unpack \(original)")
        continue
    }
    let tokenizer: Tokenizer
    do {
        tokenizer = try Tokenizer(contentsOf: URL(fileURLWithPath: path))
    } catch {
        print("\(name): cannot load \(path): \(error)")
        continue
    }
    let swift = measureSwift(tokenizer, texts, repeats: options.repeats)
    let swiftRate = Double(swift.tokens) / swift.seconds
    var line = "\(name.padding(toLength: 10, withPad: " ", startingAt: 0))  \(String(swift.tokens).padding(toLength: 8, withPad: " ", startingAt: 0))  \(String(format: "%12.0f", swiftRate))"
    if let peer = measurePython(options, tokenizerPath: path, corpusFile: corpusFile, scriptFile: scriptFile) {
        let loopRate = Double(peer.tokens) / peer.loop
        let batchRate = Double(peer.tokens) / peer.batch
        line += String(format: "   %18.0f  %5.2fx   %24.0f  %5.2fx", loopRate, swiftRate / loopRate, batchRate, swiftRate / batchRate)
        if peer.tokens != swift.tokens { line += "  (token counts differ: python \(peer.tokens))" }
    } else {
        line += "   (python peer unavailable: \(options.python) with the tokenizers package)"
    }
    print(line)
}
