import Foundation
import Testing

@testable import ValenceEngine

@Suite("SIMD kernels")
struct KernelTests {
    /// Points spread over [-12, 12], where the activations change most.
    static let points: [Float] = (0..<4096).map { Float($0) / 4096 * 24 - 12 }

    func lanes(_ body: (SIMD16<Float>) -> SIMD16<Float>) -> [(Float, Float)] {
        stride(from: 0, to: Self.points.count, by: 16).flatMap { start in
            let input = SIMD16<Float>(Self.points[start..<start + 16])
            let output = body(input)
            return (0..<16).map { (input[$0], output[$0]) }
        }
    }

    @Test("exp has relative error below 1e-6")
    func exponential() {
        for (x, y) in lanes(VectorMath.exp) {
            let reference = Foundation.exp(Double(x))
            #expect(abs(Double(y) - reference) / reference < 1e-6, "exp(\(x))")
        }
    }

    @Test("erf GELU, tanh GELU and tanh stay within 1e-6 of libm")
    func activations() {
        for (x, y) in lanes(VectorMath.gelu) {
            let reference = 0.5 * Double(x) * (1 + Foundation.erf(Double(x) / 2.0.squareRoot()))
            #expect(abs(Double(y) - reference) < 1e-6, "gelu(\(x))")
        }
        for (x, y) in lanes(VectorMath.geluTanh) {
            let d = Double(x)
            let reference = 0.5 * d * (1 + Foundation.tanh(0.797_884_560_802_865_4 * (d + 0.044715 * d * d * d)))
            #expect(abs(Double(y) - reference) < 1e-6, "gelu_new(\(x))")
        }
        for (x, y) in lanes(VectorMath.tanh) {
            #expect(abs(Double(y) - Foundation.tanh(Double(x))) < 1e-6, "tanh(\(x))")
        }
    }

    @Test("softmax and LayerNorm handle rows that are not multiples of 16", arguments: [1, 7, 16, 33])
    func rowKernels(columns: Int) {
        var data = (0..<(3 * columns)).map { Float(($0 * 37) % 11) - 5 }
        data.withUnsafeMutableBufferPointer { buffer in
            Kernels.softmax(buffer.baseAddress!, rows: 3, columns: columns, stride: columns)
        }
        for row in 0..<3 {
            let sum = data[(row * columns)..<((row + 1) * columns)].reduce(0, +)
            #expect(abs(sum - 1) < 1e-5)
        }
        var values = (0..<(2 * columns)).map { Float($0 % 5) * 0.5 }
        let ones = [Float](repeating: 1, count: columns)
        let zeros = [Float](repeating: 0, count: columns)
        values.withUnsafeMutableBufferPointer { buffer in
            Kernels.layerNorm(buffer.baseAddress!, rows: 2, columns: columns, weight: ones, bias: zeros, epsilon: 1e-5)
        }
        let row = values[0..<columns]
        let mean = row.reduce(0, +) / Float(columns)
        #expect(abs(mean) < 1e-5)
    }
}
