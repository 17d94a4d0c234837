extension GEMM {
    /// One product's operands and the blocked loops over a sub-rectangle of its output.
    struct Problem {
        let input: UnsafePointer<Float>
        let lda: Int
        let packed: PackedMatrix
        let output: UnsafeMutablePointer<Float>
        let ldc: Int

        /// Computes output rows `rows` × the columns of `panels`.
        func compute(rows: Range<Int>, panels: Range<Int>) {
            guard !rows.isEmpty, !panels.isEmpty else { return }
            let depthTotal = packed.columns
            let blocks = (depthTotal + GEMM.maximumDepth - 1) / GEMM.maximumDepth
            let blockDepth = (depthTotal + blocks - 1) / blocks
            var k0 = 0
            while k0 < depthTotal {
                let depth = min(blockDepth, depthTotal - k0)
                var rowStart = rows.lowerBound
                while rowStart < rows.upperBound {
                    let rowEnd = min(rowStart + GEMM.rowBlock, rows.upperBound)
                    for panel in panels {
                        sweep(panel: panel, rows: rowStart..<rowEnd, k0: k0, depth: depth)
                    }
                    rowStart = rowEnd
                }
                k0 += depth
            }
        }

        /// Runs the microkernel down `rows` against one panel's slice k0 ..< k0 + depth.
        @inline(__always)
        private func sweep(panel: Int, rows: Range<Int>, k0: Int, depth: Int) {
            let weights = packed.panel(panel, from: k0)
            let column = panel * MicroKernel.columns
            let width = min(MicroKernel.columns, packed.rows - column)
            let accumulate = k0 > 0
            var row = rows.lowerBound
            while row < rows.upperBound {
                // Balanced tile heights (7 rows → 4 + 3, not 6 + 1): short tiles run at a fraction
                // of the full rate.
                let remaining = rows.upperBound - row
                let tilesLeft = (remaining + MicroKernel.rows - 1) / MicroKernel.rows
                let height = (remaining + tilesLeft - 1) / tilesLeft
                let source = input + row * lda + k0
                let target = output + row * ldc + column
                // The kernel touches the output tile only after its loop (a large output lives in
                // memory): start fetching those lines now, both ends in case 64 bytes straddle two.
                for line in 0..<height {
                    Prefetch.read(target + line * ldc)
                    Prefetch.read(target + line * ldc + MicroKernel.columns - 1)
                }
                if width == MicroKernel.columns {
                    MicroKernel.multiply(
                        rows: height, input: source, inputStride: lda, panel: weights, depth: depth,
                        output: target, outputStride: ldc, accumulate: accumulate
                    )
                } else {
                    narrowTile(height: height, width: width, source: source, weights: weights, depth: depth, target: target, accumulate: accumulate)
                }
                row += height
            }
        }

        /// The last, partial panel: the kernel writes a full-width scratch tile, of which only
        /// `width` columns are copied out.
        private func narrowTile(
            height: Int, width: Int, source: UnsafePointer<Float>, weights: UnsafePointer<Float>,
            depth: Int, target: UnsafeMutablePointer<Float>, accumulate: Bool
        ) {
            let stride = MicroKernel.columns
            withUnsafeTemporaryAllocation(of: Float.self, capacity: MicroKernel.rows * stride) { scratch in
                let tile = scratch.baseAddress!
                if accumulate {
                    for row in 0..<height {
                        (tile + row * stride).update(from: target + row * ldc, count: width)
                    }
                }
                MicroKernel.multiply(
                    rows: height, input: source, inputStride: lda, panel: weights, depth: depth,
                    output: tile, outputStride: stride, accumulate: accumulate
                )
                for row in 0..<height {
                    (target + row * ldc).update(from: tile + row * stride, count: width)
                }
            }
        }
    }
}
