import ValenceKernels

/// Row-wise work (bias + activation, residual + LayerNorm, attention heads) split into one contiguous range per
/// thread of a `ParallelRunner`; without a runner, or with too little work, it runs on the caller.
enum RowSplit {
    /// Rows of `columns` floats worth a thread of their own (about 16K elements: below that, handing work to a
    /// second thread costs more than it saves).
    static func rows(columns: Int) -> Int {
        max(1, 16_384 / max(1, columns))
    }

    /// Calls `body(part, range)` with ranges covering `0..<rows`, in parallel on `runner` when there are at
    /// least `minimumRows` rows per thread. `part` (below `runner.threadCount`) tells which range it is, for
    /// per-thread scratch space.
    static func run(_ rows: Int, on runner: ParallelRunner?, minimumRows: Int, _ body: (_ part: Int, _ rows: Range<Int>) -> Void) {
        let parts = min(runner?.threadCount ?? 1, rows / max(1, minimumRows))
        guard let runner, parts > 1 else {
            body(0, 0..<rows)
            return
        }
        runner.run(tasks: parts) { part in
            body(part, (rows * part / parts)..<(rows * (part + 1) / parts))
        }
    }
}
