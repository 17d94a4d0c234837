import Foundation

/// A fixed-size, direct-mapped, thread-safe memo of piece → ids (the Rust crate caches words too).
/// It only ever saves work: a hit returns exactly what tokenizing would.
final class WordCache: @unchecked Sendable {
    private static let slotCount = 1 << 14
    private static let maxKeyLength = 64
    private let lock = NSLock()
    private var keys: [[UInt8]]
    private var values: [[Int32]]

    init() {
        keys = [[UInt8]](repeating: [], count: Self.slotCount)
        values = [[Int32]](repeating: [], count: Self.slotCount)
    }

    @inline(__always)
    private static func slot(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: VocabTable.hash(word)) & (slotCount - 1)
    }

    /// Appends the cached ids of `word` to `ids`; false when not cached.
    func lookup(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) -> Bool {
        guard word.count <= Self.maxKeyLength else { return false }
        let slot = Self.slot(word)
        lock.lock()
        defer { lock.unlock() }
        let key = keys[slot]
        guard key.count == word.count, !key.isEmpty, key.elementsEqual(word) else { return false }
        ids.append(contentsOf: values[slot])
        return true
    }

    func store(_ word: UnsafeBufferPointer<UInt8>, _ ids: [Int32]) {
        guard word.count <= Self.maxKeyLength else { return }
        let slot = Self.slot(word)
        let key = Array(word)
        lock.lock()
        keys[slot] = key
        values[slot] = ids
        lock.unlock()
    }
}
