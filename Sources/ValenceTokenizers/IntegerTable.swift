/// An immutable-after-build open-addressing hash map from `UInt64` keys to `UInt64` values, used for
/// BPE merge ranks and trie edges (faster than `Dictionary`'s seeded hashing in the hot loops).
struct IntegerTable: Sendable {
    private var keys: [UInt64]
    private var values: [UInt64]
    private var used: [Bool]
    private let mask: Int
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 + 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [UInt64](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Inserts or, when `replace` is true, overwrites; returns false if the key was present and kept.
    @discardableResult
    mutating func insert(_ key: UInt64, _ value: UInt64, replace: Bool = true) -> Bool {
        var s = slot(for: key)
        while used[s] {
            if keys[s] == key {
                if replace { values[s] = value }
                return replace
            }
            s = (s + 1) & mask
        }
        used[s] = true
        keys[s] = key
        values[s] = value
        count += 1
        return true
    }

    @inline(__always)
    func value(_ key: UInt64) -> UInt64? {
        var s = slot(for: key)
        while used[s] {
            if keys[s] == key { return values[s] }
            s = (s + 1) & mask
        }
        return nil
    }
}
