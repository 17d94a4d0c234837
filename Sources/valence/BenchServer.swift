import AsyncHTTPClient
import Foundation

/// A `valence` child process started for a benchmark: a server (its address read from the `listening on` line) or
/// a worker. Stopped with SIGTERM, then SIGKILL.
struct BenchServer {
    let process: Process
    let baseURL: String

    /// Starts `valence ARGUMENTS` (a server with `--port 0`) and waits until `readyPath` answers 200.
    static func start(_ arguments: [String], environment: [String: String] = [:], readyPath: String) async throws -> BenchServer {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("valence-bench-\(UUID().uuidString).out")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else { throw BenchError("cannot create \(output.path)") }
        defer { try? FileManager.default.removeItem(at: output) }
        let process = try launch(arguments, environment: environment, output: try FileHandle(forWritingTo: output))
        for _ in 0..<600 {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                let server = BenchServer(process: process, baseURL: String(line.dropFirst("listening on ".count)))
                try await server.waitUntilReady(readyPath)
                return server
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        stop(process)
        throw BenchError("`valence \(arguments.first ?? "")` did not start")
    }

    /// Starts `valence ARGUMENTS` without waiting for anything (workers).
    static func launch(_ arguments: [String], environment: [String: String] = [:],
                       output: FileHandle = FileHandle.nullDevice) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BenchProcess.selfExecutable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        try process.run()
        return process
    }

    private func waitUntilReady(_ path: String) async throws {
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        defer { _ = http.shutdown() }
        for _ in 0..<600 {
            if let response = try? await http.execute(HTTPClientRequest(url: baseURL + path), timeout: .seconds(5)),
               response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("\(baseURL)\(path) did not become ready")
    }

    func stop() {
        Self.stop(process)
    }

    static func stop(_ process: Process) {
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
