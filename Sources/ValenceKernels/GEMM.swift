/// Single-precision matrix products against prepacked weights.
public enum GEMM {
    /// Inner-dimension block: a panel's slice (depth × 16 floats, ≤ 64 KB) stays in L2 while every
    /// row block of the input streams past it. Output tiles are revisited ⌈K / 1024⌉ times, so
    /// K ≤ 1024 writes each output once (reloading a large output from memory was the bigger cost).
    static let maximumDepth = 1024
    /// Rows of the input swept per panel: 96 rows × 1024 floats = 384 KB stays in L2.
    static let rowBlock = 16 * MicroKernel.rows
    /// Below this many multiply-adds (≈ 2 µs on one core) a second thread costs more than it saves.
    static let minimumParallelWork = 192 * 1024
    /// Tasks per thread when a product is split.
    static let tasksPerThread = 4

    /// output[M, N] = input[M, K] · Wᵀ, where `packed` holds W [N, K].
    ///
    /// - Parameters:
    ///   - input: row-major activations, `rows` × `packed.columns`, rows `lda` floats apart.
    ///   - rows: M, any value ≥ 0.
    ///   - lda: input row stride (≥ K).
    ///   - output: row-major result, `rows` × `packed.rows`, rows `ldc` floats apart (overwritten).
    ///   - ldc: output row stride (≥ N).
    ///   - runner: threads to split the work over; `nil` runs on the caller alone.
    public static func multiply(
        input: UnsafePointer<Float>, rows: Int, lda: Int,
        packed: PackedMatrix,
        output: UnsafeMutablePointer<Float>, ldc: Int,
        runner: ParallelRunner? = nil
    ) {
        precondition(rows >= 0 && lda >= packed.columns && ldc >= packed.rows, "GEMM.multiply: invalid strides")
        guard rows > 0, packed.rows > 0 else { return }
        guard packed.columns > 0 else {
            for row in 0..<rows { (output + row * ldc).update(repeating: 0, count: packed.rows) }
            return
        }
        let problem = Problem(input: input, lda: lda, packed: packed, output: output, ldc: ldc)
        let work = rows * packed.rows * packed.columns
        guard let runner, runner.threadCount > 1, work >= minimumParallelWork else {
            problem.compute(rows: 0..<rows, panels: 0..<packed.panelCount)
            return
        }
        // Split whichever operand is larger, so each task streams its own part of it, into a few
        // tasks per thread so that a late or busy thread just takes fewer.
        let splitsRows = rows > packed.rows
        let units = splitsRows ? (rows + MicroKernel.rows - 1) / MicroKernel.rows : packed.panelCount
        let tasks = min(units, runner.threadCount * tasksPerThread)
        runner.run(tasks: tasks) { task in
            if splitsRows {
                problem.compute(rows: share(of: rows, part: task, parts: tasks, granule: MicroKernel.rows), panels: 0..<packed.panelCount)
            } else {
                problem.compute(rows: 0..<rows, panels: share(of: packed.panelCount, part: task, parts: tasks, granule: 1))
            }
        }
    }

    /// Part `part` of `0..<count` cut into `parts` near-equal ranges whose bounds are multiples of `granule`.
    static func share(of count: Int, part: Int, parts: Int, granule: Int) -> Range<Int> {
        let units = (count + granule - 1) / granule
        let lower = min(count, units * part / parts * granule)
        let upper = min(count, units * (part + 1) / parts * granule)
        return lower..<upper
    }
}
