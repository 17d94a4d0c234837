import Synchronization

/// Opens once a process's start-up model loads have finished (each ready or given up on), so that a job worker
/// does not score its first chunks with the fallback while the model it was started for is still loading.
final class PreloadGate: Sendable {
    private let isOpen = Mutex(false)

    func open() {
        isOpen.withLock { $0 = true }
    }

    /// Returns once the gate is open (checking every 50 ms), or when the task is cancelled.
    func wait() async {
        while !isOpen.withLock({ $0 }), !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
