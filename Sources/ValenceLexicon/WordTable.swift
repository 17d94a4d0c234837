/// Everything the rules of 3.3.2 ask about one lowercased token, answered by a single lookup
/// (packed into 11 bytes so that a table slot is 32 bytes).
struct WordEntry: Sendable, Equatable {
    private var storedValence = 0.0
    private var flags: UInt8 = 0
    /// The rule keyword this word is, if any.
    var rule: RuleWord = .none
    /// Identifier of the word in the idiom/bigram vocabulary (`0` when it is in no phrase).
    var phraseWord: UInt8 = 0

    private static let hasValence: UInt8 = 1
    private static let negation: UInt8 = 2
    private static let increment: UInt8 = 4
    private static let decrement: UInt8 = 8

    /// Valence in `vader_lexicon.txt` (`word.lower() in self.lexicon`).
    var valence: Double? {
        get { flags & Self.hasValence != 0 ? storedValence : nil }
        set {
            storedValence = newValue ?? 0
            flags = newValue == nil ? flags & ~Self.hasValence : flags | Self.hasValence
        }
    }

    /// Scalar in `BOOSTER_DICT` (always `B_INCR` or `B_DECR`).
    var booster: Double? {
        get {
            if flags & Self.increment != 0 { return VaderConstants.boosterIncrement }
            if flags & Self.decrement != 0 { return VaderConstants.boosterDecrement }
            return nil
        }
        set {
            flags &= ~(Self.increment | Self.decrement)
            switch newValue {
            case nil: break
            case VaderConstants.boosterIncrement: flags |= Self.increment
            case VaderConstants.boosterDecrement: flags |= Self.decrement
            default: preconditionFailure("booster scalars are B_INCR or B_DECR")
            }
        }
    }

    /// Whether the word is a booster (cheaper than `booster != nil`).
    var isBooster: Bool { flags & (Self.increment | Self.decrement) != 0 }

    /// Membership in `NEGATE`.
    var isNegation: Bool {
        get { flags & Self.negation != 0 }
        set { flags = newValue ? flags | Self.negation : flags & ~Self.negation }
    }
}

/// Open-addressing hash table from the exact UTF-8 bytes of a word to its `WordInfo`.
///
/// Keys compare byte for byte, i.e. code point for code point as Python's `dict` does (a Swift
/// `Dictionary<String, _>` would also match canonically equivalent spellings). Keys of up to 16
/// bytes live inside their slot as two zero-padded little-endian words, so a lookup usually
/// touches a single cache line; longer keys are kept in a side arena.
struct WordTable: Sendable {
    private struct Slot {
        var key0: UInt64 = 0  // first 8 key bytes, or arena offset for long keys
        var key1: UInt64 = 0  // next 8 key bytes
        var entry = WordEntry()
        var length: Int32 = -1  // -1: empty slot
    }

    private var slots: [Slot]
    private var longKeys: [UInt8] = []
    /// One bit per hash value modulo 2^17 (16 KiB, stays in L1): most words of a text are not
    /// in the table and are rejected here without touching the 32-byte slots.
    private var filter = [UInt64](repeating: 0, count: WordTable.filterWords)
    private(set) var count = 0

    private static let filterWords = 1 << 11

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(), count: capacity)
    }

    /// The key's bytes `[8 * index, 8 * index + 8)` as a zero-padded little-endian word.
    @inline(__always)
    static func chunk(_ key: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt64 {
        let start = index * 8
        guard start < key.count, let base = key.baseAddress else { return 0 }
        if start + 8 <= key.count {
            return UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        }
        var word: UInt64 = 0
        for offset in 0..<(key.count - start) {
            word |= UInt64(base[start + offset]) << UInt64(8 * offset)
        }
        return word
    }

    /// Hash of a key given as zero-padded words (`chunk(_:_:)`), mixed with its length.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15
        for index in 0..<((key.count + 7) / 8) {
            hash = (hash ^ chunk(key, index)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
        }
        return hash
    }

    /// The entry stored for `key`, if any.
    @inline(__always)
    func find(_ key: UnsafeBufferPointer<UInt8>) -> WordEntry? {
        let first = Self.chunk(key, 0)
        let second = Self.chunk(key, 1)
        let hash = Self.hash(key)
        let bit = Int(truncatingIfNeeded: hash >> 47)  // 17 bits
        guard filter.withUnsafeBufferPointer({ $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }) else {
            return nil
        }
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[index]
                if slot.length < 0 { return nil }
                if Int(slot.length) == key.count {
                    if key.count <= 16 {
                        if slot.key0 == first && slot.key1 == second { return slot.entry }
                    } else if longKeyMatches(slot, key) {
                        return slot.entry
                    }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Creates the entry for `key` if needed, then lets `body` modify it (last write wins).
    mutating func update(_ key: [UInt8], _ body: (inout WordEntry) -> Void) {
        if (count + 1) * 2 > slots.count { grow() }
        key.withUnsafeBufferPointer { key in
            let mask = slots.count - 1
            let hash = Self.hash(key)
            let bit = Int(truncatingIfNeeded: hash >> 47)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].length >= 0 {
                if matches(slots[index], key) {
                    body(&slots[index].entry)
                    return
                }
                index = (index + 1) & mask
            }
            var slot = Slot(key0: Self.chunk(key, 0), key1: Self.chunk(key, 1), length: Int32(key.count))
            if key.count > 16 {
                slot.key0 = UInt64(longKeys.count)
                longKeys.append(contentsOf: key)
            }
            body(&slot.entry)
            slots[index] = slot
            count += 1
        }
    }

    private func matches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(slot.length) == key.count else { return false }
        if key.count <= 16 { return slot.key0 == Self.chunk(key, 0) && slot.key1 == Self.chunk(key, 1) }
        return longKeyMatches(slot, key)
    }

    private func longKeyMatches(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(slot.key0)
        return longKeys[start..<(start + key.count)].elementsEqual(key)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.length >= 0 {
            let hash: UInt64
            if slot.length <= 16 {
                hash = withUnsafeBytes(of: (slot.key0.littleEndian, slot.key1.littleEndian)) { raw in
                    Self.hash(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<Int(slot.length)]))
                }
            } else {
                let start = Int(slot.key0)
                hash = longKeys[start..<(start + Int(slot.length))].withUnsafeBufferPointer(Self.hash)
            }
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].length >= 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
