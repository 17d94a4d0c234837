/// The register-blocked inner kernel: a tile of up to `rows` × `columns` outputs accumulated in
/// registers over a run of the inner dimension.
///
/// The input is read in place (one broadcast per row and k, no packing of activations); the weights
/// come from one packed panel. Six rows × two 8-float lanes is 12 accumulators, which with two
/// weight vectors and a broadcast fits AVX2's sixteen registers.
enum MicroKernel {
    typealias Lane = SIMD8<Float>
    /// Rows per tile (MR).
    static let rows = 6
    /// Output columns per tile and per packed panel (NR): two lanes.
    static let columns = 16
    /// How far ahead in the panel to prefetch: 32 cache lines (32 values of k). Weights of a real
    /// model come from memory, and the hardware prefetcher alone left the 6-row tile waiting on it.
    static let prefetchDistance = 2048

    /// C[r, 0..<16] (+)= Σₖ A[r, k] · panel[k, 0..<16] for r < `rows` (1…6), k < `depth`.
    /// `accumulate` adds to C; otherwise C is overwritten.
    static func multiply(
        rows: Int, input: UnsafePointer<Float>, inputStride: Int,
        panel: UnsafePointer<Float>, depth: Int,
        output: UnsafeMutablePointer<Float>, outputStride: Int, accumulate: Bool
    ) {
        // Each case is a separate copy of `tile` with a constant row count, so its loops unroll
        // and the accumulators stay in registers.
        switch rows {
        case 6: tile(6, input, inputStride, panel, depth, output, outputStride, accumulate)
        case 5: tile(5, input, inputStride, panel, depth, output, outputStride, accumulate)
        case 4: tile(4, input, inputStride, panel, depth, output, outputStride, accumulate)
        case 3: tile(3, input, inputStride, panel, depth, output, outputStride, accumulate)
        case 2: tile(2, input, inputStride, panel, depth, output, outputStride, accumulate)
        default: tile(1, input, inputStride, panel, depth, output, outputStride, accumulate)
        }
    }

    @inline(__always)
    private static func tile(
        _ rows: Int, _ input: UnsafePointer<Float>, _ inputStride: Int,
        _ panel: UnsafePointer<Float>, _ depth: Int,
        _ output: UnsafeMutablePointer<Float>, _ outputStride: Int, _ accumulate: Bool
    ) {
        var low = InlineArray<6, Lane>(repeating: Lane())
        var high = InlineArray<6, Lane>(repeating: Lane())
        var weights = UnsafeRawPointer(panel)
        let laneBytes = MemoryLayout<Lane>.size
        let stepBytes = 2 * laneBytes
        var k = 0
        if rows <= 3 {
            // Too few rows to hide the FMA latency: a second set of accumulators (slots 3…5)
            // takes the odd k. No prefetch here: adding code to `tile` (prefetches in this loop, or
            // of the output before it) made LLVM keep these accumulators on the stack, 2–3× slower.
            // After editing, check `objdump -d` of this file for stack traffic (rbp/rsp) in loops.
            while k + 1 < depth {
                let w0 = weights.load(as: Lane.self)
                let w1 = (weights + laneBytes).load(as: Lane.self)
                let w2 = (weights + stepBytes).load(as: Lane.self)
                let w3 = (weights + stepBytes + laneBytes).load(as: Lane.self)
                for row in 0..<rows {
                    let x = Lane(repeating: input[row * inputStride + k])
                    low[row] = low[row].addingProduct(x, w0)
                    high[row] = high[row].addingProduct(x, w1)
                    let y = Lane(repeating: input[row * inputStride + k + 1])
                    low[row + 3] = low[row + 3].addingProduct(y, w2)
                    high[row + 3] = high[row + 3].addingProduct(y, w3)
                }
                weights += 2 * stepBytes
                k &+= 2
            }
            for row in 0..<rows {
                low[row] += low[row + 3]
                high[row] += high[row + 3]
            }
        }
        while k < depth {
            Prefetch.read(weights + prefetchDistance)
            let w0 = weights.load(as: Lane.self)
            let w1 = (weights + laneBytes).load(as: Lane.self)
            for row in 0..<rows {
                let x = Lane(repeating: input[row * inputStride + k])
                low[row] = low[row].addingProduct(x, w0)
                high[row] = high[row].addingProduct(x, w1)
            }
            weights += stepBytes
            k &+= 1
        }
        for row in 0..<rows {
            let target = UnsafeMutableRawPointer(output + row * outputStride)
            if accumulate {
                low[row] += target.loadUnaligned(as: Lane.self)
                high[row] += (target + laneBytes).loadUnaligned(as: Lane.self)
            }
            target.storeBytes(of: low[row], as: Lane.self)
            (target + laneBytes).storeBytes(of: high[row], as: Lane.self)
        }
    }
}
