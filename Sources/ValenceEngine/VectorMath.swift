/// Transcendental functions on `SIMD16<Float>`, written on the concrete type so they always
/// specialise (generic `SIMD` code may not, and is then many times slower).
///
/// Accuracy: `exp` ≈ 2 ulp; `erf` absolute error ≤ 2e-7 (Abramowitz & Stegun 7.1.26);
/// `tanh` absolute error ≤ 2e-7. Far inside the engine's 1e-4 parity budget.
enum VectorMath {
    typealias Vector = SIMD16<Float>

    private static let log2e: Float = 1.442_695_04
    // ln 2 split Cody–Waite style: `ln2High` has few significant bits, so n·ln2High is exact.
    private static let ln2High: Float = 0.693_359_375
    private static let ln2Low: Float = -2.121_944_4e-4
    // 1.5·2^23: adding it rounds a float in (-2^22, 2^22) to an integer held in the low mantissa bits.
    private static let roundingMagic: Float = 12_582_912
    private static let roundingMagicBits = Int32(bitPattern: 0x4B40_0000)

    /// e^x for each lane; inputs are clamped to [-87, 88] (results stay normal floats).
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        var x = input
        x.replace(with: 88, where: x .> 88)
        x.replace(with: -87, where: x .< -87)
        // x = n·ln2 + r, |r| ≤ ln2/2.
        let shifted = x * log2e + roundingMagic
        let n = shifted - roundingMagic
        let r = x - n * ln2High - n * ln2Low
        // Taylor polynomial of e^r to degree 7: truncation error < 3e-9 on |r| ≤ 0.35.
        var p = Vector(repeating: 1.0 / 5040)
        p = p * r + 1.0 / 720
        p = p * r + 1.0 / 120
        p = p * r + 1.0 / 24
        p = p * r + 1.0 / 6
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        // 2^n built in the exponent field.
        let integer = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- roundingMagicBits
        let scale = unsafeBitCast((integer &+ 127) &<< 23, to: Vector.self)
        return p * scale
    }

    /// The error function, Abramowitz & Stegun 7.1.26 on |x|, sign restored.
    @inline(__always)
    static func erf(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
        let sign = bits & 0x8000_0000
        let a = unsafeBitCast(bits & 0x7FFF_FFFF, to: Vector.self)
        let t = 1 / (1 + 0.327_591_1 * a)
        var poly = Vector(repeating: 1.061_405_429)
        poly = poly * t - 1.453_152_027
        poly = poly * t + 1.421_413_741
        poly = poly * t - 0.284_496_736
        poly = poly * t + 0.254_829_592
        poly = poly * t
        let magnitude = 1 - poly * exp(-(a * a))
        return unsafeBitCast(unsafeBitCast(magnitude, to: SIMD16<UInt32>.self) | sign, to: Vector.self)
    }

    /// tanh(x) = sign(x)·(1 − 2 / (e^{2|x|} + 1)).
    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: SIMD16<UInt32>.self)
        let sign = bits & 0x8000_0000
        var a = unsafeBitCast(bits & 0x7FFF_FFFF, to: Vector.self)
        a.replace(with: 10, where: a .> 10)
        let magnitude = 1 - 2 / (exp(2 * a) + 1)
        return unsafeBitCast(unsafeBitCast(magnitude, to: SIMD16<UInt32>.self) | sign, to: Vector.self)
    }

    /// Exact GELU, x·Φ(x) = ½x(1 + erf(x/√2)) — PyTorch `nn.GELU()` / HF "gelu".
    @inline(__always)
    static func gelu(_ x: Vector) -> Vector {
        0.5 * x * (1 + erf(x * 0.707_106_781_186_547_5))
    }

    /// Tanh-approximated GELU — HF "gelu_new" / `nn.GELU(approximate="tanh")`.
    @inline(__always)
    static func geluTanh(_ x: Vector) -> Vector {
        let inner = 0.797_884_560_802_865_4 * (x + 0.044_715 * x * x * x)
        return 0.5 * x * (1 + tanh(inner))
    }

    @inline(__always)
    static func relu(_ x: Vector) -> Vector {
        var y = x
        y.replace(with: 0, where: x .< 0)
        return y
    }
}
