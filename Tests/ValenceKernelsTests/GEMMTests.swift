import CBLAS
import Testing
@testable import ValenceKernels

@Suite("GEMM.multiply against cblas_sgemm")
struct GEMMTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let rows: Int, inner: Int, outer: Int
        /// Extra floats at the end of each input and output row (lda > K, ldc > N).
        let padding: Int
        var testDescription: String { "M \(rows) K \(inner) N \(outer) pad \(padding)" }
    }

    static let rowCounts = [1, 2, 3, 7, 16, 33, 128]
    static let outerCounts = [1, 3, 17, 64, 768, 2304]
    static let innerCounts = [1, 5, 64, 768, 3072]

    /// Every M × N × K combination, alternating tight and padded strides.
    static let shapes: [Shape] = {
        var shapes: [Shape] = []
        for rows in rowCounts {
            for outer in outerCounts {
                for inner in innerCounts {
                    shapes.append(Shape(rows: rows, inner: inner, outer: outer, padding: shapes.count % 2 == 0 ? 0 : 3))
                }
            }
        }
        return shapes
    }()

    @Test("matches OpenBLAS within 1e-4 relative on 1 and 2 threads", arguments: shapes)
    func matchesReference(shape: Shape) {
        openblas_set_num_threads(1)  // the tests already run in parallel
        var random = TestMatrices(seed: UInt64(shape.rows * 1_000_003 + shape.inner * 1009 + shape.outer))
        let lda = shape.inner + shape.padding
        let ldc = shape.outer + shape.padding
        let input = random.values(shape.rows * lda)
        let weight = random.values(shape.outer * shape.inner)
        var expected = [Float](repeating: 0, count: shape.rows * ldc)
        cblas_sgemm(
            CblasRowMajor, CblasNoTrans, CblasTrans,
            blasint(shape.rows), blasint(shape.outer), blasint(shape.inner),
            1, input, blasint(lda), weight, blasint(shape.inner), 0, &expected, blasint(ldc)
        )
        let packed = PackedMatrix(packing: weight, rows: shape.outer, columns: shape.inner)
        for threads in [1, 2] {
            let runner = ParallelRunner(threadCount: threads)
            let sentinel: Float = 7
            var output = [Float](repeating: sentinel, count: shape.rows * ldc)
            GEMM.multiply(input: input, rows: shape.rows, lda: lda, packed: packed, output: &output, ldc: ldc, runner: runner)
            var largest: Float = 0
            var worst: Float = 0
            var paddingIntact = true
            for row in 0..<shape.rows {
                for column in 0..<shape.outer {
                    largest = max(largest, abs(expected[row * ldc + column]))
                    worst = max(worst, abs(output[row * ldc + column] - expected[row * ldc + column]))
                }
                for column in shape.outer..<ldc where output[row * ldc + column] != sentinel {
                    paddingIntact = false
                }
            }
            #expect(worst <= 1e-4 * max(largest, 1e-6), "threads \(threads): max error \(worst), max |value| \(largest)")
            #expect(paddingIntact, "threads \(threads): wrote past N into the row padding")
        }
    }

    @Test("an empty inner dimension gives zeros; no rows writes nothing")
    func degenerateShapes() {
        let packed = PackedMatrix(packing: [], rows: 5, columns: 0)
        var output = [Float](repeating: 3, count: 2 * 5)
        GEMM.multiply(input: [], rows: 2, lda: 0, packed: packed, output: &output, ldc: 5)
        #expect(output == [Float](repeating: 0, count: 10))

        let square = PackedMatrix(packing: [1, 2, 3, 4], rows: 2, columns: 2)
        var untouched: [Float] = [9, 9]
        GEMM.multiply(input: [1, 1], rows: 0, lda: 2, packed: square, output: &untouched, ldc: 2)
        #expect(untouched == [9, 9])
    }

    @Test("a small product by hand")
    func smallProduct() {
        // W [3, 2] (out 3, in 2); x [2, 2].
        let packed = PackedMatrix(packing: [1, 2, 3, 4, 5, 6], rows: 3, columns: 2)
        var output = [Float](repeating: 0, count: 6)
        GEMM.multiply(input: [1, 0, 0.5, -1], rows: 2, lda: 2, packed: packed, output: &output, ldc: 3)
        #expect(output == [1, 3, 5, -1.5, -2.5, -3.5])
    }

    @Test("work shares cover the range in order, on granule bounds")
    func shares() {
        for (count, parts, granule) in [(1, 2, 6), (48, 2, 1), (145, 2, 1), (128, 2, 6), (7, 3, 6)] {
            let ranges = (0..<parts).map { GEMM.share(of: count, part: $0, parts: parts, granule: granule) }
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == count)
            for (left, right) in zip(ranges, ranges.dropFirst()) {
                #expect(left.upperBound == right.lowerBound)
                #expect(left.upperBound % granule == 0 || left.upperBound == count)
            }
        }
    }
}
