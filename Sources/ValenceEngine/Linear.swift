import CBLAS
import ValenceKernels

/// A dense layer y = x·Wᵀ + b with PyTorch's `nn.Linear` layout: weight [out, in], bias [out].
///
/// `project` runs the matrix product only: OpenBLAS sgemm reading the weight transposed in place, or, once
/// `packed()`, the prepacked `ValenceKernels` GEMM, which skips the repacking OpenBLAS does on every call.
/// Callers fuse the bias add with whatever follows (activation, residual + LayerNorm).
struct Linear: Sendable {
    /// The weight as loaded, or packed for the kernels.
    enum Weight: Sendable {
        case dense(WeightTensor)  // [outFeatures, inFeatures]
        case packed(PackedMatrix)
    }

    let weight: Weight
    let bias: WeightTensor  // [outFeatures]
    let inFeatures: Int
    let outFeatures: Int

    /// The same layer with its weight prepacked for `ValenceKernels`; a mapped weight's pages are released,
    /// since only the packed copy is read from then on.
    func packed() -> Linear {
        guard case .dense(let tensor) = weight else { return self }
        let packed = PackedMatrix(packing: tensor.pointer, rows: outFeatures, columns: inFeatures)
        tensor.releaseMappedPages()
        return Linear(weight: .packed(packed), bias: bias, inFeatures: inFeatures, outFeatures: outFeatures)
    }

    private init(weight: Weight, bias: WeightTensor, inFeatures: Int, outFeatures: Int) {
        self.weight = weight
        self.bias = bias
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
    }

    /// The dense weight; stacking and the classifier heads use layers as loaded.
    private var denseWeight: WeightTensor {
        guard case .dense(let tensor) = weight else { preconditionFailure("Linear: the weight is packed") }
        return tensor
    }

    /// Stacks layers that read the same input into one (their outputs side by side, in order), so
    /// one sgemm replaces several — BERT's query, key and value projections. The sources' pages
    /// of the mapped file are released, since only the stacked copy is read from then on.
    init(stacking layers: [Linear]) {
        let inputs = layers[0].inFeatures
        let outputs = layers.reduce(0) { $0 + $1.outFeatures }
        inFeatures = inputs
        outFeatures = outputs
        weight = .dense(WeightTensor(shape: [outputs, inputs]) { target in
            var offset = 0
            for layer in layers {
                let source = layer.denseWeight
                (target.baseAddress! + offset).update(from: source.pointer, count: source.count)
                offset += source.count
            }
        })
        bias = WeightTensor(shape: [outputs]) { target in
            var offset = 0
            for layer in layers {
                (target.baseAddress! + offset).update(from: layer.bias.pointer, count: layer.bias.count)
                offset += layer.bias.count
            }
        }
        for layer in layers { layer.denseWeight.releaseMappedPages() }
    }

    /// Loads `<name>.weight` and `<name>.bias`, checking both shapes.
    init(_ name: String, from tensors: TensorSource, out: Int, in inputs: Int) throws {
        weight = .dense(try tensors.tensor(name + ".weight", shape: [out, inputs]))
        bias = try tensors.tensor(name + ".bias", shape: [out])
        outFeatures = out
        inFeatures = inputs
    }

    /// output[rows, out] = input[rows, in] · Wᵀ (no bias); a packed weight's product is split over `runner`.
    func project(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
                 runner: ParallelRunner? = nil) {
        switch weight {
        case .dense(let tensor):
            BLAS.multiply(
                rows: rows, columns: outFeatures, inner: inFeatures,
                a: input, lda: inFeatures, transposeA: false,
                b: tensor.pointer, ldb: inFeatures, transposeB: true,
                c: output, ldc: outFeatures
            )
        case .packed(let packed):
            GEMM.multiply(input: input, rows: rows, lda: inFeatures, packed: packed, output: output, ldc: outFeatures,
                          runner: runner)
        }
    }

    /// output = input · Wᵀ + b, then `nonlinearity`.
    func callAsFunction(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
        then nonlinearity: Kernels.Nonlinearity = .identity, runner: ParallelRunner? = nil
    ) {
        project(input, rows: rows, into: output, runner: runner)
        let columns = outFeatures
        RowSplit.run(rows, on: runner, minimumRows: RowSplit.rows(columns: columns)) { _, range in
            Kernels.addBias(output + range.lowerBound * columns, rows: range.count, columns: columns, bias: bias.pointer,
                            then: nonlinearity)
        }
    }
}

/// Thin wrappers over CBLAS.
enum BLAS {
    /// C[rows, columns] = alpha · op(A)[rows, inner] · op(B)[inner, columns], row-major.
    @inline(__always)
    static func multiply(
        rows: Int, columns: Int, inner: Int,
        a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool,
        c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float = 1
    ) {
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(rows), blasint(columns), blasint(inner),
            alpha, a, blasint(lda), b, blasint(ldb),
            0, c, blasint(ldc)
        )
    }

    /// The number of threads OpenBLAS uses for one call.
    static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }
}
