import Foundation

/// A Chromium-family browser run headless for one page, always stopped and waited for.
struct HeadlessBrowser {
    /// Executable names tried on PATH, best first (Debian: `chromium-headless-shell`, `chromium`).
    static let candidates = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "chrome-headless-shell"]

    /// Whether a missing browser fails the test instead of skipping it (`VALENCE_REQUIRE_BROWSER=1`).
    static var isRequired: Bool { ProcessInfo.processInfo.environment["VALENCE_REQUIRE_BROWSER"] == "1" }

    /// The first candidate found on PATH.
    static var installed: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in candidates {
            for folder in path.split(separator: ":") {
                let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return nil
    }

    let executable: URL

    /// Opens `url` and runs `body` while the browser shows it; then stops the browser and waits for it.
    ///
    /// The browser runs under `timeout(1)`, which puts it in a process group of its own and bounds its life
    /// even if this process dies first. Stopping signals that whole group: Debian's launcher is a shell script
    /// that does not forward signals, and Chromium has helper processes.
    func whileShowing<Value: Sendable>(_ url: String, limitSeconds: Int = 60, _ body: () async throws -> Value) async throws -> Value {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("valence-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: profile) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(limitSeconds), executable.path,
                             "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in
            exited.continuation.yield()
            exited.continuation.finish()
        }
        try process.run()
        do {
            let value = try await body()
            await stop(process, exited: exited.stream)
            return value
        } catch {
            await stop(process, exited: exited.stream)
            throw error
        }
    }

    /// SIGTERM to the group, SIGKILL after 5 s if it is still there, then waits for `timeout(1)` to exit.
    private func stop(_ process: Process, exited: AsyncStream<Void>) async {
        let group = process.processIdentifier
        kill(-group, SIGTERM)
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do {
                    try await Task.sleep(for: .seconds(5))
                    kill(-group, SIGKILL)
                } catch {
                    return // the browser exited in time
                }
            }
            for await _ in exited {}
            tasks.cancelAll()
        }
    }
}
