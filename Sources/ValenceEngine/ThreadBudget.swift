import Foundation

/// The engine's CPU budget: how many threads OpenBLAS may use for one matrix product.
///
/// OpenBLAS keeps one process-wide setting, so the most recent `apply` wins. With the default
/// (one inference thread, which OpenBLAS counts as its first worker) the engine occupies exactly
/// `threads` cores.
public enum ThreadBudget {
    /// The default: `OPENBLAS_NUM_THREADS`, else `OMP_NUM_THREADS`, else the active core count.
    public static var defaultThreads: Int {
        let environment = ProcessInfo.processInfo.environment
        for key in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"] {
            if let value = environment[key].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), value > 0 {
                return value
            }
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Sets OpenBLAS's thread count to `threads` (or the default) and returns the count used.
    @discardableResult
    public static func apply(_ threads: Int? = nil) -> Int {
        let count = max(1, threads ?? defaultThreads)
        BLAS.threads = count
        return count
    }

    /// The thread count OpenBLAS currently uses.
    public static var current: Int { BLAS.threads }

    /// Whether models run their products on the prepacked `ValenceKernels` GEMM (an AVX2 + FMA CPU, unless
    /// `VALENCE_GEMM=blas` asks for OpenBLAS throughout, e.g. to compare the two).
    public static var usesKernels: Bool {
        KernelSupport.isSupported && ProcessInfo.processInfo.environment["VALENCE_GEMM"]?.lowercased() != "blas"
    }
}
