import Foundation

/// Runs whole processes and times them.
enum BenchProcess {
    /// This executable's path.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Wall-clock seconds of one run; throws when the process fails.
    static func time(_ executable: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) exited with status \(process.terminationStatus)")
        }
        return seconds
    }

    static func row(_ name: String, seconds: Double, records: Int) -> String {
        String(format: "%-36@ %8.2f s %12.0f records/s", name as NSString, seconds, Double(records) / seconds)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Builds benchmark inputs and checks outputs.
enum BenchCorpus {
    /// Writes `records` JSONL records `{"id": i, "text": …}` cycling the corpus texts; returns the byte count.
    static func write(records: Int, cycling corpus: String, to path: String) throws -> Int {
        let texts = try self.texts(corpus)
        var output = Data()
        for index in 0..<records {
            let record: [String: Any] = ["id": index, "text": texts[index % texts.count]]
            output.append(try JSONSerialization.data(withJSONObject: record))
            output.append(UInt8(ascii: "\n"))
        }
        try output.write(to: URL(fileURLWithPath: path))
        return output.count
    }

    /// The `text` field of every JSONL record of the corpus.
    static func texts(_ corpus: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: corpus) else { throw BenchError("cannot read corpus '\(corpus)'") }
        let texts: [String] = try data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            return object?["text"] as? String
        }
        guard !texts.isEmpty else { throw BenchError("corpus '\(corpus)' holds no texts") }
        return texts
    }

    /// How many records of two outputs (same order) agree on `scores.compound` within 1e-4.
    static func compareCompound(_ a: String, _ b: String) throws -> (matching: Int, total: Int) {
        func compounds(_ path: String) throws -> [Double] {
            guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read '\(path)'") }
            return try data.split(separator: UInt8(ascii: "\n")).map { line in
                let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                let scores = object?["scores"] as? [String: Any]
                return (scores?["compound"] as? NSNumber)?.doubleValue ?? .nan
            }
        }
        let x = try compounds(a), y = try compounds(b)
        let matching = zip(x, y).filter { abs($0 - $1) <= 1e-4 }.count
        return (matching, max(x.count, y.count))
    }
}
