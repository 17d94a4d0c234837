/// An immutable hash map from UTF-8 byte strings to token ids, looked up without building a
/// `String` (open addressing over one byte arena).
struct VocabTable: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var ids: [Int32] = []
    private var hashes: [UInt64] = []
    /// Entry index + 1 per slot; 0 is empty.
    private var slots: [Int32]
    private let mask: Int

    /// Builds the table; for duplicate keys the last id wins.
    init<S: Sequence>(_ entries: S, capacity: Int) where S.Element == ([UInt8], Int32) {
        var size = 16
        while size < capacity * 2 + 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for (key, id) in entries { insert(key, id) }
    }

    init(_ entries: [(String, Int32)]) {
        self.init(entries.lazy.map { (Array($0.0.utf8), $0.1) }, capacity: entries.count)
    }

    var count: Int { ids.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return h ^ (h >> 29)
    }

    private mutating func insert(_ key: [UInt8], _ id: Int32) {
        let h = key.withUnsafeBufferPointer { Self.hash($0) }
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == h && lengths[entry] == key.count
                && arena[Int(starts[entry])..<(Int(starts[entry]) + key.count)].elementsEqual(key) {
                ids[entry] = id
                return
            }
            slot = (slot + 1) & mask
        }
        starts.append(Int32(arena.count))
        lengths.append(Int32(key.count))
        ids.append(id)
        hashes.append(h)
        arena.append(contentsOf: key)
        slots[slot] = Int32(ids.count)
    }

    /// The id of the byte string `key`, or nil.
    @inline(__always)
    func id(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let raw = slots[slot]
                if raw == 0 { return nil }
                let entry = Int(raw - 1)
                if hashes[entry] == h && Int(lengths[entry]) == key.count {
                    let start = Int(starts[entry])
                    if key.count == 0 || memcmp(arena.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                        return ids[entry]
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    func id(_ key: [UInt8]) -> Int32? { key.withUnsafeBufferPointer { id($0) } }

    func id(_ key: String) -> Int32? { id(Array(key.utf8)) }

    /// Every (key, id) pair, in insertion order.
    var entries: [([UInt8], Int32)] {
        (0..<ids.count).map { k in
            (Array(arena[Int(starts[k])..<(Int(starts[k]) + Int(lengths[k]))]), ids[k])
        }
    }
}

@inline(__always)
private func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Int {
    for k in 0..<count where a[k] != b[k] { return 1 }
    return 0
}
