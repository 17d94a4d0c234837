/// Python's `round(x, ndigits)` for `Double`: the decimal nearest to the *exact* binary value of `x`
/// (ties, which only occur when `x` is exactly half-way, go to the even digit), converted back to
/// the nearest `Double`. This differs from `(x * 1000).rounded() / 1000`, which rounds an already
/// rounded product and breaks ties away from zero (e.g. Python gives `round(0.0625, 3) == 0.062`).
enum PythonRounding {
    private static let powersOfTen: [UInt64] = (0...15).map { exponent in
        (0..<exponent).reduce(UInt64(1)) { product, _ in product * 10 }
    }

    /// Rounds `x` to `digits` decimal places (0...15) exactly as CPython's `float.__round__` does.
    static func round(_ x: Double, digits: Int) -> Double {
        precondition((0...15).contains(digits), "digits out of supported range")
        guard x.isFinite, x != 0 else { return x }
        let magnitude = x.magnitude
        // magnitude == mantissa * 2^-shift with an integral mantissa.
        let mantissa: UInt64
        let shift: Int
        if magnitude.isNormal {
            mantissa = magnitude.significandBitPattern | (1 << 52)
            shift = 52 - Int(magnitude.exponent)
        } else {
            mantissa = magnitude.significandBitPattern
            shift = 1074
        }
        // Already an integer: nothing to round.
        if shift <= 0 { return x }
        // Below 2^-67 every supported precision rounds to (signed) zero.
        if shift >= 120 { return Double(signOf: x, magnitudeOf: 0) }

        // scaled = mantissa * 10^digits, exact in 128 bits (< 2^103).
        let scaled = mantissa.multipliedFullWidth(by: powersOfTen[digits])
        let wide = Wide(high: scaled.high, low: scaled.low)
        let truncated = wide.shiftedRight(by: shift)
        // When the rounded value needs 54+ bits, `x` is coarser than 10^-digits, so the nearest
        // decimal lies within half an ulp of `x` and converts back to `x` itself.
        guard truncated.high == 0, truncated.low < (1 << 53) else { return x }
        var quotient = truncated.low
        let roundBit = wide.bit(shift - 1)
        let sticky = wide.hasNonZeroBits(below: shift - 1)
        if roundBit && (sticky || quotient & 1 == 1) {
            quotient += 1
        }
        // Both operands are exact, so one IEEE division yields the double nearest to the decimal,
        // which is what CPython gets by parsing the rounded decimal string.
        let rounded = Double(quotient) / Double(powersOfTen[digits])
        return x < 0 ? -rounded : rounded
    }

    /// A 128-bit unsigned value as two words (portable; `UInt128` needs newer Apple OS releases).
    private struct Wide {
        var high: UInt64
        var low: UInt64

        func shiftedRight(by count: Int) -> Wide {
            if count >= 128 { return Wide(high: 0, low: 0) }
            if count >= 64 { return Wide(high: 0, low: high >> UInt64(count - 64)) }
            if count == 0 { return self }
            return Wide(high: high >> UInt64(count), low: (low >> UInt64(count)) | (high << UInt64(64 - count)))
        }

        func bit(_ index: Int) -> Bool {
            index < 64 ? (low >> UInt64(index)) & 1 == 1 : (high >> UInt64(index - 64)) & 1 == 1
        }

        func hasNonZeroBits(below count: Int) -> Bool {
            if count <= 0 { return false }
            if count < 64 { return low & ((1 << UInt64(count)) - 1) != 0 }
            if low != 0 { return true }
            if count == 64 { return false }
            return high & ((1 << UInt64(count - 64)) - 1) != 0
        }
    }
}
