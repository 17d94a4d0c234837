/// A weight matrix W [rows, columns] (PyTorch `nn.Linear` layout: [out, in]) packed once into the
/// panel layout the GEMM microkernel streams.
///
/// Panel `p` holds output features `p·16 ..< p·16 + 16` for every input index, feature-fastest:
/// `panel[k · 16 + j] = W[p·16 + j, k]`. The last panel is padded with zeros, so the kernel always
/// reads whole panels; storage is 64-byte aligned. Immutable after packing, hence shareable.
public final class PackedMatrix: @unchecked Sendable {
    /// Output features N (rows of W, columns of the product).
    public let rows: Int
    /// Input features K (columns of W, the inner dimension of the product).
    public let columns: Int
    /// Number of `MicroKernel.columns`-wide panels.
    let panelCount: Int
    /// panelCount × columns × MicroKernel.columns floats.
    let storage: UnsafeMutablePointer<Float>

    /// Packs W [rows, columns] whose rows are `leadingDimension` floats apart (default `columns`).
    public init(packing weight: UnsafePointer<Float>, rows: Int, columns: Int, leadingDimension: Int? = nil) {
        let stride = leadingDimension ?? columns
        precondition(rows >= 0 && columns >= 0 && stride >= columns, "PackedMatrix: invalid shape \(rows)×\(columns), leading dimension \(stride)")
        let width = MicroKernel.columns
        self.rows = rows
        self.columns = columns
        panelCount = (rows + width - 1) / width
        let count = max(1, panelCount * columns * width)
        storage = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
        storage.initialize(repeating: 0, count: count)
        for panel in 0..<panelCount {
            let base = storage + panel * columns * width
            let firstRow = panel * width
            for lane in 0..<min(width, rows - firstRow) {
                let source = weight + (firstRow + lane) * stride
                for k in 0..<columns {
                    base[k * width + lane] = source[k]
                }
            }
        }
    }

    /// Packs W [rows, columns] given as a row-major array.
    public convenience init(packing weight: [Float], rows: Int, columns: Int) {
        precondition(weight.count == rows * columns, "PackedMatrix: \(weight.count) values for a \(rows)×\(columns) matrix")
        self.init(packing: weight, rows: rows, columns: columns, leadingDimension: nil)
    }

    deinit {
        storage.deallocate()
    }

    /// The first float of `panel`, at input index `k`.
    @inline(__always)
    func panel(_ panel: Int, from k: Int) -> UnsafePointer<Float> {
        UnsafePointer(storage + (panel * columns + k) * MicroKernel.columns)
    }
}
