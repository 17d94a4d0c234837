import Foundation

/// A dedicated OS thread that runs forward passes one at a time, off Swift's cooperative pool.
///
/// Async callers suspend on a continuation while the pass runs here, so a long matrix product
/// never blocks a cooperative thread, and passes queued from many tasks never run concurrently:
/// the process uses this thread plus OpenBLAS's workers, and no more (the thread budget).
final class InferenceThread: @unchecked Sendable {
    /// The process-wide inference thread shared by every model.
    static let shared = InferenceThread(name: "valence.inference")

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []  // guarded by `condition`

    init(name: String) {
        let thread = Thread { [self] in runLoop() }
        thread.name = name
        thread.start()
    }

    /// Runs `work` on the inference thread and returns its result to the awaiting task.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try Task.checkCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            enqueue {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func runLoop() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job() }
        }
    }
}
