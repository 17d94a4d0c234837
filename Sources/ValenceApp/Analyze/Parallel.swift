import Dispatch
import Foundation

/// Data-parallel loops over the cores for CPU-bound work outside Swift's cooperative pool.
enum Parallel {
    /// The number of threads CPU-bound work may use (the active processor count).
    static var threads: Int { ProcessInfo.processInfo.activeProcessorCount }
    static let slicesPerThread = 4

    /// `transform(i)` for `i` in `0..<count`, in order, spread over up to `threads` threads in slices of at least
    /// `grain` items (small inputs stay on the caller's thread). A few slices per thread, taken as threads come
    /// free, keep uneven items (short and long texts) from leaving one thread idle while another finishes.
    /// `transform` must be safe to call concurrently: it may only read shared state.
    static func map<T>(_ count: Int, threads: Int = Parallel.threads, grain: Int = 64, _ transform: (Int) -> T) -> [T] {
        let slices = min(max(1, threads) * slicesPerThread, max(1, count / max(1, grain)))
        if slices == 1 { return (0..<count).map(transform) }
        let results = UnsafeSendableBuffer<T?>(count: count, repeating: nil)
        withoutActuallyEscaping(transform) { transform in
            // Safe: every worker writes disjoint indices, and concurrentPerform returns only after all have finished.
            let work = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                for index in count * slice / slices..<count * (slice + 1) / slices {
                    results[index] = work.value(index)
                }
            }
        }
        return results.take().map { $0! }
    }
}

/// Carries a value into a `@Sendable` closure whose concurrent use the caller has made safe by construction.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
