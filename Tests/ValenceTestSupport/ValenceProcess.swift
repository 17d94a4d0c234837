import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `valence` subcommand started as a separate process for multi-process tests. A server prints
/// `listening on http://HOST:PORT` on stdout once it runs (a worker `worker started ID`); output goes to files in
/// `folder`.
/// Started with posix_spawn and reaped with waitpid (Foundation's `Process.waitUntilExit` can hang on Linux and
/// would block a cooperative thread). Stop it with `stop()` — and always do; with VALENCE_EXIT_WITH_PARENT it
/// also exits by itself if the test process dies.
public final class ValenceProcess: @unchecked Sendable {
    public let pid: pid_t
    private let stdoutURL: URL
    private let stderrURL: URL
    private let lock = NSLock()
    private var exited = false
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

    /// Starts `valence ARGUMENTS` and waits (up to `timeout`) until it prints a line starting with `ready`.
    public init(_ arguments: [String], environment: [String: String] = [:], folder: URL, name: String,
                ready: String = "listening on ", timeout: Duration = .seconds(60)) async throws {
        stdoutURL = folder.appendingPathComponent("\(name).out")
        stderrURL = folder.appendingPathComponent("\(name).err")
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_LEVEL"] = merged["LOG_LEVEL"] ?? "warning"
        merged["VALENCE_EXIT_WITH_PARENT"] = "1"
        merged.merge(environment) { $1 }
        pid = try Self.spawn(try Self.binary().path, arguments, environment: merged, stdout: stdoutURL.path, stderr: stderrURL.path)
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let line = (try? String(contentsOf: stdoutURL, encoding: .utf8))?
                .split(separator: "\n").first(where: { $0.hasPrefix(ready) }) {
                baseURL = ready == "listening on " ? String(line.dropFirst(ready.count)) : ""
                return
            }
            guard isRunning else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        stop()
        throw ProcessError("valence \(arguments.first ?? "") did not print '\(ready)': \(errorOutput)")
    }

    /// The port it listens on.
    public var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }

    /// What it wrote on stderr so far.
    public var errorOutput: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Whether it still runs (reaps it when it has ended).
    public var isRunning: Bool {
        lock.withLock {
            guard !exited else { return false }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { exited = true }
            return !exited
        }
    }

    /// Kills it at once, as a crash would.
    public func kill() {
        guard isRunning else { return }
        Glibc.kill(pid, SIGKILL)
        reap()
    }

    /// Asks it to stop (SIGTERM), and kills it if it is still running after two seconds.
    public func stop() {
        guard isRunning else { return }
        Glibc.kill(pid, SIGTERM)
        for _ in 0..<100 where isRunning { usleep(20_000) }
        kill()
    }

    deinit { stop() }

    private func reap() {
        lock.withLock {
            guard !exited else { return }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            exited = true
        }
    }

    private static func spawn(_ path: String, _ arguments: [String], environment: [String: String],
                              stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard result == 0 else { throw ProcessError("cannot start \(path): error \(result)") }
        return pid
    }
}

/// A test process that could not be started.
public struct ProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
