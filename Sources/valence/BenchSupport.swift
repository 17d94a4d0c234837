import Foundation

/// Runs whole processes and times them.
enum BenchProcess {
    /// This executable's path.
    static var selfExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Wall-clock seconds of one run; throws when the process fails.
    static func time(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Double {
        let process = configured(executable, arguments, environment: environment)
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

    /// The standard output of one run; throws when the process fails.
    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let process = configured(executable, arguments, environment: [:])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) exited with status \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A process for `executable` (a path, or a name looked up on PATH) with extra environment variables.
    private static func configured(_ executable: String, _ arguments: [String], environment: [String: String]) -> Process {
        let process = Process()
        if executable.contains("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        return process
    }

    /// Unpacks a gzip file with the system's gzip.
    static func gunzip(_ path: String, to target: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BenchError("\(path) not found (run from the repository root)")
        }
        guard FileManager.default.createFile(atPath: target, contents: nil), let output = FileHandle(forWritingAtPath: target) else {
            throw BenchError("cannot create \(target)")
        }
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("gzip -dc \(path) failed") }
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
    @discardableResult
    static func write(records: Int, cycling corpus: String, to path: String) throws -> Int {
        try write(records: records, cycling: try self.texts(corpus), to: path)
    }

    /// Writes `records` JSONL records `{"id": i, "text": …}` cycling `texts`; returns the byte count.
    @discardableResult
    static func write(records: Int, cycling texts: [String], to path: String) throws -> Int {
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
