/// Elementwise and row-wise kernels over row-major float buffers, vectorised with `SIMD16<Float>`.
///
/// Rows whose length is not a multiple of 16 finish with one zero-padded vector, so the tail
/// goes through the same arithmetic as the body.
enum Kernels {
    typealias Vector = SIMD16<Float>

    /// Nonlinearities applied after a bias add.
    enum Nonlinearity: Sendable {
        case identity, gelu, geluTanh, relu, tanh
    }

    // MARK: - Loads and stores

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    @inline(__always)
    static func loadPartial(_ pointer: UnsafePointer<Float>, _ count: Int, padding: Float) -> Vector {
        var value = Vector(repeating: padding)
        for lane in 0..<count { value[lane] = pointer[lane] }
        return value
    }

    @inline(__always)
    static func storePartial(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>, _ count: Int) {
        for lane in 0..<count { pointer[lane] = value[lane] }
    }

    // MARK: - Bias + activation

    /// data[r, c] = f(data[r, c] + bias[c]) for a [rows, columns] buffer.
    static func addBias(
        _ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        bias: UnsafePointer<Float>, then nonlinearity: Nonlinearity
    ) {
        switch nonlinearity {
        case .identity: map(data, rows: rows, columns: columns, bias: bias) { $0 }
        case .gelu: map(data, rows: rows, columns: columns, bias: bias, VectorMath.gelu)
        case .geluTanh: map(data, rows: rows, columns: columns, bias: bias, VectorMath.geluTanh)
        case .relu: map(data, rows: rows, columns: columns, bias: bias, VectorMath.relu)
        case .tanh: map(data, rows: rows, columns: columns, bias: bias, VectorMath.tanh)
        }
    }

    @inline(__always)
    private static func map(
        _ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        bias: UnsafePointer<Float>, _ function: (Vector) -> Vector
    ) {
        let body = columns & ~15
        for row in 0..<rows {
            let line = data + row * columns
            var column = 0
            while column < body {
                store(function(load(line + column) + load(bias + column)), line + column)
                column &+= 16
            }
            if column < columns {
                let rest = columns - column
                let value = loadPartial(line + column, rest, padding: 0)
                    + loadPartial(bias + column, rest, padding: 0)
                storePartial(function(value), line + column, rest)
            }
        }
    }

    // MARK: - LayerNorm

    /// hidden[r] = LayerNorm(data[r] + bias + hidden[r]) — the post-LN residual of BERT
    /// (`BertSelfOutput`, `BertOutput`) and DistilBERT (`sa_layer_norm`, `output_layer_norm`).
    static func addBiasResidualLayerNorm(
        _ data: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        into hidden: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        weight: UnsafePointer<Float>, normBias: UnsafePointer<Float>, epsilon: Float
    ) {
        let body = columns & ~15
        for row in 0..<rows {
            let source = data + row * columns
            let line = hidden + row * columns
            var column = 0
            while column < body {
                store(load(source + column) + load(bias + column) + load(line + column), line + column)
                column &+= 16
            }
            while column < columns {
                line[column] = source[column] + bias[column] + line[column]
                column &+= 1
            }
        }
        layerNorm(hidden, rows: rows, columns: columns, weight: weight, bias: normBias, epsilon: epsilon)
    }

    /// In-place LayerNorm over each row: (x − mean) / √(var + ε) · weight + bias, biased variance
    /// (PyTorch `nn.LayerNorm`).
    static func layerNorm(
        _ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
        weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, epsilon: Float
    ) {
        let body = columns & ~15
        let rest = columns - body
        for row in 0..<rows {
            let line = data + row * columns
            var sum = Vector()
            var column = 0
            while column < body {
                sum += load(line + column)
                column &+= 16
            }
            if rest > 0 { sum += loadPartial(line + body, rest, padding: 0) }
            let mean = sum.sum() / Float(columns)
            let meanVector = Vector(repeating: mean)
            var squares = Vector()
            column = 0
            while column < body {
                let centred = load(line + column) - meanVector
                squares += centred * centred
                column &+= 16
            }
            if rest > 0 {
                let centred = loadPartial(line + body, rest, padding: mean) - meanVector
                squares += centred * centred
            }
            let variance = squares.sum() / Float(columns)
            let scale = Vector(repeating: 1 / (variance + epsilon).squareRoot())
            column = 0
            while column < body {
                let normalised = (load(line + column) - meanVector) * scale
                store(normalised * load(weight + column) + load(bias + column), line + column)
                column &+= 16
            }
            if rest > 0 {
                let normalised = (loadPartial(line + body, rest, padding: mean) - meanVector) * scale
                let value = normalised * loadPartial(weight + body, rest, padding: 0)
                    + loadPartial(bias + body, rest, padding: 0)
                storePartial(value, line + body, rest)
            }
        }
    }

    // MARK: - Softmax

    /// In-place softmax over each row of a [rows, columns] buffer whose rows are `stride` apart.
    static func softmax(_ data: UnsafeMutablePointer<Float>, rows: Int, columns: Int, stride: Int) {
        let body = columns & ~15
        let rest = columns - body
        for row in 0..<rows {
            let line = data + row * stride
            var maxima = Vector(repeating: -.greatestFiniteMagnitude)
            var column = 0
            while column < body {
                maxima = pointwiseMaximum(maxima, load(line + column))
                column &+= 16
            }
            if rest > 0 {
                maxima = pointwiseMaximum(maxima, loadPartial(line + body, rest, padding: -.greatestFiniteMagnitude))
            }
            let maximum = Vector(repeating: maxima.max())
            var sums = Vector()
            column = 0
            while column < body {
                let value = VectorMath.exp(load(line + column) - maximum)
                sums += value
                store(value, line + column)
                column &+= 16
            }
            if rest > 0 {
                var value = VectorMath.exp(loadPartial(line + body, rest, padding: 0) - maximum)
                for lane in rest..<16 { value[lane] = 0 }
                sums += value
                storePartial(value, line + body, rest)
            }
            let inverse = Vector(repeating: 1 / sums.sum())
            column = 0
            while column < body {
                store(load(line + column) * inverse, line + column)
                column &+= 16
            }
            if rest > 0 {
                storePartial(loadPartial(line + body, rest, padding: 0) * inverse, line + body, rest)
            }
        }
    }

    /// Lane-wise maximum with `replace(with:where:)` (faster than `pointwiseMax` on SIMD16 here).
    @inline(__always)
    private static func pointwiseMaximum(_ a: Vector, _ b: Vector) -> Vector {
        var result = a
        result.replace(with: b, where: b .> a)
        return result
    }

    // MARK: - Small helpers

    /// target[i] += source[i] for `count` floats.
    static func accumulate(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        let body = count & ~15
        var index = 0
        while index < body {
            store(load(target + index) + load(source + index), target + index)
            index &+= 16
        }
        while index < count {
            target[index] += source[index]
            index &+= 1
        }
    }
}
