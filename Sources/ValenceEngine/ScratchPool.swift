import Foundation

/// A lock-protected stack of `ScratchState`s so concurrent passes never share buffers.
///
/// A pass takes a state (or makes a new one when all are busy) and returns it when done;
/// at most `retained` idle states are kept, so memory follows peak concurrency, bounded.
final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [ScratchState] = []
    private let retained: Int

    init(retained: Int = 2) {
        self.retained = retained
    }

    /// Runs `body` with a state that no other pass is using.
    func withState<Result>(_ body: (ScratchState) throws -> Result) rethrows -> Result {
        let state = lock.withLock { idle.popLast() } ?? ScratchState()
        defer {
            lock.withLock {
                if idle.count < retained { idle.append(state) }
            }
        }
        return try body(state)
    }
}
