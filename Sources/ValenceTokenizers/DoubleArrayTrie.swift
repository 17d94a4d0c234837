/// A read-only darts-clone double-array trie, the format SentencePiece stores its
/// normalization rules in (`precompiled_charsmap`).
struct DoubleArrayTrie: Sendable {
    private let units: [UInt32]

    init(units: [UInt32]) {
        self.units = units
    }

    @inline(__always) private static func hasLeaf(_ unit: UInt32) -> Bool { (unit >> 8) & 1 == 1 }
    @inline(__always) private static func value(_ unit: UInt32) -> UInt32 { unit & ((1 << 31) - 1) }
    @inline(__always) private static func label(_ unit: UInt32) -> UInt32 { unit & ((1 << 31) | 0xFF) }
    @inline(__always) private static func offset(_ unit: UInt32) -> Int {
        Int((unit >> 10) << ((unit & (1 << 9)) >> 6))
    }

    /// The value of the shortest key that is a prefix of `key`, or nil.
    ///
    /// The Rust `spm_precompiled` crate uses the first (shortest) common-prefix result, and stops at a
    /// NUL byte; this mirrors it.
    func firstPrefixValue(_ key: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !units.isEmpty else { return nil }
        return units.withUnsafeBufferPointer { units in
            var position = Self.offset(units[0])
            for byte in key {
                if byte == 0 { return nil }
                position ^= Int(byte)
                guard position >= 0, position < units.count else { return nil }
                let unit = units[position]
                if Self.label(unit) != UInt32(byte) { return nil }
                position ^= Self.offset(unit)
                if Self.hasLeaf(unit) {
                    guard position < units.count else { return nil }
                    return Self.value(units[position])
                }
            }
            return nil
        }
    }
}
