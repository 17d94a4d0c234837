import Foundation
import Logging
import Synchronization
import ValenceCore
@testable import ValenceModels

/// A one-shot signal: `wait()` suspends until `open()` (or returns at once after it).
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { waiter in
            let isOpen = state.withLock { state in
                if !state.open { state.waiters.append(waiter) }
                return state.open
            }
            if isOpen { waiter.resume() }
        }
    }
}

/// Counts live instances of test models (incremented in init, decremented in deinit).
final class InstanceCounter: Sendable {
    private let count = Mutex(0)
    var live: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
    func decrement() { count.withLock { $0 -= 1 } }
}

/// Polls `condition` every 2 ms for up to `timeout` (generous: the whole suite may be loading both cores); returns whether it became true.
func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(2))
    }
    return condition()
}

/// A model store over a fixed set of complete folders; downloads report progress, wait for `gate`, then succeed
/// or fail as configured.
final class FakeModelStore: ModelStore {
    let gate = Gate()
    private let state: Mutex<(directories: [String: URL], failure: String?)>

    init(complete: [String: URL] = [:], failure: String? = nil) {
        state = Mutex((complete, failure))
    }

    func localDirectory(repository: String, revision: String) -> URL? {
        state.withLock { $0.directories[repository] }
    }

    func download(
        repository: String, revision: String, progress: @escaping @Sendable (DownloadProgress) -> Void
    ) async throws -> URL {
        progress(DownloadProgress(completedBytes: 50, totalBytes: 200, file: "model.safetensors"))
        await gate.wait()
        if let failure = state.withLock({ $0.failure }) { throw FakeFailure(message: failure) }
        let directory = URL(fileURLWithPath: "/tmp/fake-cache/\(repository)")
        state.withLock { $0.directories[repository] = directory }
        return directory
    }
}

struct FakeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A transformer stand-in: answers with its version as confidence; counts live instances.
final class CountingModel: SentimentModel {
    let key: String
    let version: Int
    private let counter: InstanceCounter
    private let delay: Duration

    init(key: String, version: Int, counter: InstanceCounter, delay: Duration = .zero) {
        self.key = key
        self.version = version
        self.counter = counter
        self.delay = delay
        counter.increment()
    }

    deinit { counter.decrement() }

    func classify(_ texts: [String]) async throws -> [Classification] {
        if delay > .zero { try await Task.sleep(for: delay) }
        return texts.map { _ in Classification(sentiment: .positive, confidence: Double(version), scores: []) }
    }
}

/// Builds `CountingModel`s with increasing versions; fails while `failure` is set.
final class CountingLoader: Sendable {
    let counter = InstanceCounter()
    private let state = Mutex<(loads: Int, failure: String?)>((0, nil))
    private let delay: Duration

    init(delay: Duration = .zero) {
        self.delay = delay
    }

    var loads: Int { state.withLock { $0.loads } }

    func fail(with message: String?) {
        state.withLock { $0.failure = message }
    }

    var loader: ModelLoader {
        { [self] request in
            let (version, failure) = state.withLock { state in
                state.loads += 1
                return (state.loads, state.failure)
            }
            if let failure { throw FakeFailure(message: failure) }
            return CountingModel(key: request.key, version: version, counter: counter, delay: delay)
        }
    }
}

let testLogger = Logger(label: "valence.models.tests", factory: { _ in SwiftLogNoOpLogHandler() })

/// Runs `body` while `registry.run()` runs beside it, then shuts the registry down and waits for it.
@discardableResult
func withRunning<Result: Sendable>(
    _ registry: ModelRegistry, _ body: () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await registry.run() }
        do {
            let result = try await body()
            registry.shutdown()
            try await group.waitForAll()
            return result
        } catch {
            registry.shutdown()
            try await group.waitForAll()
            throw error
        }
    }
}

extension ModelResolution {
    /// The resolved model when ready, else nil.
    var model: (any SentimentModel)? {
        if case .ready(let model) = self { return model }
        return nil
    }
}
