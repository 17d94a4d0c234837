import Foundation

/// A `valence` subcommand started as a separate process for multi-process tests. It prints
/// `listening on http://HOST:PORT` on stdout once its server runs; output goes to files in `folder`.
/// Stopped (SIGKILL if it does not end on SIGTERM) when `stop()` is called — and always call it.
public final class ValenceProcess: @unchecked Sendable {
    public let process = Process()
    private let stdoutURL: URL
    private let stderrURL: URL
    public private(set) var baseURL = ""

    /// The `valence` binary built beside the test bundle (`swift build --build-tests` builds it).
    public static func binary() throws -> URL {
        if let path = ProcessInfo.processInfo.environment["VALENCE_BIN"] { return URL(fileURLWithPath: path) }
        let folder = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [folder, Bundle.main.bundleURL] {
            let binary = candidate.appendingPathComponent("valence")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw ProcessError("no valence binary beside \(Bundle.main.bundleURL.path); run `swift build --build-tests` first")
    }

    /// Starts `valence ARGUMENTS` and waits (up to `timeout`) until it listens.
    public init(_ arguments: [String], environment: [String: String] = [:], folder: URL, name: String,
                timeout: Duration = .seconds(30)) async throws {
        stdoutURL = folder.appendingPathComponent("\(name).out")
        stderrURL = folder.appendingPathComponent("\(name).err")
        for url in [stdoutURL, stderrURL] {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw ProcessError("cannot create \(url.path)")
            }
        }
        process.executableURL = try Self.binary()
        process.arguments = arguments
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = merged["LOG_LEVEL"] ?? "warning"
        merged["VALENCE_EXIT_WITH_PARENT"] = "1"
        merged.merge(environment) { $1 }
        process.environment = merged
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let line = (try? String(contentsOf: stdoutURL, encoding: .utf8))?
                .split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
                baseURL = String(line.dropFirst("listening on ".count))
                return
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        throw ProcessError("valence \(arguments.first ?? "") did not start listening: \(errorOutput)")
    }

    /// The port it listens on.
    public var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }

    /// What it wrote on stderr so far.
    public var errorOutput: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Kills it at once, as a crash would.
    public func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks it to stop (SIGTERM), and kills it if it is still running after two seconds.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        kill()
    }

    deinit { stop() }
}

/// A test process that could not be started.
public struct ProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
