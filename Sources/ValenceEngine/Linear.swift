import CBLAS

/// A dense layer y = x·Wᵀ + b with PyTorch's `nn.Linear` layout: weight [out, in], bias [out].
///
/// `project` runs the matrix product only (OpenBLAS sgemm, weight read transposed in place);
/// callers fuse the bias add with whatever follows (activation, residual + LayerNorm).
struct Linear: Sendable {
    let weight: WeightTensor  // [outFeatures, inFeatures]
    let bias: WeightTensor  // [outFeatures]
    var inFeatures: Int { weight.shape[1] }
    var outFeatures: Int { weight.shape[0] }

    /// A layer over given tensors (e.g. fused ones built at load).
    init(weight: WeightTensor, bias: WeightTensor) {
        self.weight = weight
        self.bias = bias
    }

    /// Stacks layers that read the same input into one (their outputs side by side, in order), so
    /// one sgemm replaces several — BERT's query, key and value projections. The sources' pages
    /// of the mapped file are released, since only the stacked copy is read from then on.
    init(stacking layers: [Linear]) {
        let inputs = layers[0].inFeatures
        let outputs = layers.reduce(0) { $0 + $1.outFeatures }
        weight = WeightTensor(shape: [outputs, inputs]) { target in
            var offset = 0
            for layer in layers {
                (target.baseAddress! + offset).update(from: layer.weight.pointer, count: layer.weight.count)
                offset += layer.weight.count
            }
        }
        bias = WeightTensor(shape: [outputs]) { target in
            var offset = 0
            for layer in layers {
                (target.baseAddress! + offset).update(from: layer.bias.pointer, count: layer.bias.count)
                offset += layer.bias.count
            }
        }
        for layer in layers { layer.weight.releaseMappedPages() }
    }

    /// Loads `<name>.weight` and `<name>.bias`, checking both shapes.
    init(_ name: String, from tensors: TensorSource, out: Int, in inputs: Int) throws {
        weight = try tensors.tensor(name + ".weight", shape: [out, inputs])
        bias = try tensors.tensor(name + ".bias", shape: [out])
    }

    /// output[rows, out] = input[rows, in] · Wᵀ (no bias).
    func project(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>) {
        BLAS.multiply(
            rows: rows, columns: outFeatures, inner: inFeatures,
            a: input, lda: inFeatures, transposeA: false,
            b: weight.pointer, ldb: inFeatures, transposeB: true,
            c: output, ldc: outFeatures
        )
    }

    /// output = input · Wᵀ + b, then `nonlinearity`.
    func callAsFunction(
        _ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
        then nonlinearity: Kernels.Nonlinearity = .identity
    ) {
        project(input, rows: rows, into: output)
        Kernels.addBias(output, rows: rows, columns: outFeatures, bias: bias.pointer, then: nonlinearity)
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
