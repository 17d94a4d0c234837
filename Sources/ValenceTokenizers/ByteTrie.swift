/// A byte trie over vocabulary entries for common-prefix search (Unigram's lattice).
struct ByteTrie: Sendable {
    /// (node << 8 | byte) → child node.
    private var edges: IntegerTable
    /// The entry id ending at each node, or -1.
    private var terminals: [Int32] = [-1]

    init(keys: [([UInt8], Int32)]) {
        let totalBytes = keys.reduce(0) { $0 + $1.0.count }
        edges = IntegerTable(capacity: totalBytes + 1)
        for (key, id) in keys {
            var node = 0
            for byte in key {
                let edge = UInt64(node) << 8 | UInt64(byte)
                if let child = edges.value(edge) {
                    node = Int(child)
                } else {
                    terminals.append(-1)
                    let child = terminals.count - 1
                    edges.insert(edge, UInt64(child))
                    node = child
                }
            }
            terminals[node] = id
        }
    }

    /// Calls `visit(length, id)` for every entry that is a prefix of `bytes[start...]`, shortest first.
    @inline(__always)
    func forEachPrefix(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ visit: (Int, Int32) -> Void) {
        var node = 0
        var i = start
        while i < bytes.count {
            guard let child = edges.value(UInt64(node) << 8 | UInt64(bytes[i])) else { return }
            node = Int(child)
            i += 1
            let id = terminals[node]
            if id >= 0 { visit(i - start, id) }
        }
    }
}
