import Foundation

/// `BPE`: byte-pair encoding. A piece starts as one symbol per scalar (with the optional
/// continuing prefix / end-of-word suffix, unknown-token fusing and `<0xXX>` byte fallback) and the
/// lowest-ranked adjacent pair is merged until no pair has a merge, leftmost first on ties.
/// `dropout` is ignored (encoding is deterministic).
struct BPEModel: TokenModel {
    let vocab: VocabTable
    /// (left id << 32 | right id) → (rank << 32 | merged id).
    let merges: IntegerTable
    let unkId: Int32?
    let continuingPrefix: [UInt8]?
    let endOfWordSuffix: [UInt8]?
    let fuseUnk: Bool
    let byteFallback: Bool
    let ignoreMerges: Bool
    /// Ids of the `<0xXX>` tokens, when all 256 exist.
    let byteTokenIds: [Int32]?
    let cache = WordCache()

    init(json: JSONObject) throws {
        let entries = try ModelFactory.vocabulary(json)
        let vocab = VocabTable(entries)
        self.vocab = vocab
        unkId = json.optionalString("unk_token").flatMap { vocab.id($0) }
        if let unk = json.optionalString("unk_token"), vocab.id(unk) == nil {
            throw TokenizerError.invalidConfiguration("\(json.context): unk_token \(unk) is not in the vocabulary")
        }
        continuingPrefix = json.optionalString("continuing_subword_prefix").map { Array($0.utf8) }
        endOfWordSuffix = json.optionalString("end_of_word_suffix").map { Array($0.utf8) }
        fuseUnk = json.bool("fuse_unk", default: false)
        byteFallback = json.bool("byte_fallback", default: false)
        ignoreMerges = json.bool("ignore_merges", default: false)
        let byteIds = (0..<256).map { vocab.id(String(format: "<0x%02X>", $0)) }
        byteTokenIds = byteIds.allSatisfy { $0 != nil } ? byteIds.map { $0! } : nil

        let rawMerges = try json.array("merges")
        var table = IntegerTable(capacity: rawMerges.count)
        let prefixLength = continuingPrefix?.count ?? 0
        for (rank, raw) in rawMerges.enumerated() {
            let left: String
            let right: String
            if let line = raw as? String {
                let parts = line.split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw TokenizerError.invalidField(component: json.context, field: "merges[\(rank)]") }
                left = String(parts[0])
                right = String(parts[1])
            } else if let pair = raw as? [String], pair.count == 2 {
                left = pair[0]
                right = pair[1]
            } else {
                throw TokenizerError.invalidField(component: json.context, field: "merges[\(rank)]")
            }
            guard let leftId = vocab.id(left), let rightId = vocab.id(right) else {
                throw TokenizerError.invalidConfiguration("\(json.context): merge '\(left) \(right)' uses a token outside the vocabulary")
            }
            let rightBytes = Array(right.utf8)
            guard rightBytes.count >= prefixLength, let mergedId = vocab.id(Array(left.utf8) + rightBytes.dropFirst(prefixLength)) else {
                throw TokenizerError.invalidConfiguration("\(json.context): the result of merge '\(left) \(right)' is not in the vocabulary")
            }
            let key = UInt64(UInt32(bitPattern: leftId)) << 32 | UInt64(UInt32(bitPattern: rightId))
            table.insert(key, UInt64(rank) << 32 | UInt64(UInt32(bitPattern: mergedId)))
        }
        merges = table
    }

    func id(forToken token: String) -> Int32? { vocab.id(token) }
    var vocabularySize: Int { vocab.count }

    func tokenize(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        if ignoreMerges, let id = vocab.id(word) {
            ids.append(id)
            return
        }
        if cache.lookup(word, into: &ids) { return }
        var symbols: [Int32] = []
        symbols.reserveCapacity(word.count)
        initialSymbols(word, into: &symbols)
        merge(&symbols)
        cache.store(word, symbols)
        ids.append(contentsOf: symbols)
    }

    /// One symbol per scalar, as `merge_word` builds them.
    private func initialSymbols(_ word: UnsafeBufferPointer<UInt8>, into symbols: inout [Int32]) {
        var pendingUnk = false
        var key: [UInt8] = []
        var i = 0
        while i < word.count {
            let length = UTF8.length(lead: word[i])
            let end = i + length
            let id: Int32?
            if continuingPrefix == nil && endOfWordSuffix == nil {
                id = vocab.id(UnsafeBufferPointer(rebasing: word[i..<end]))
            } else {
                key.removeAll(keepingCapacity: true)
                if i > 0, let continuingPrefix { key.append(contentsOf: continuingPrefix) }
                key.append(contentsOf: word[i..<end])
                if end == word.count, let endOfWordSuffix { key.append(contentsOf: endOfWordSuffix) }
                id = vocab.id(key)
            }
            if let id {
                if pendingUnk, let unkId { symbols.append(unkId) }
                pendingUnk = false
                symbols.append(id)
            } else if byteFallback, let byteTokenIds {
                // Rust checks the (prefixed) symbol's bytes; the <0xXX> tokens always exist here.
                if continuingPrefix == nil && endOfWordSuffix == nil {
                    for byte in word[i..<end] { symbols.append(byteTokenIds[Int(byte)]) }
                } else {
                    for byte in key { symbols.append(byteTokenIds[Int(byte)]) }
                }
            } else if let unkId {
                if pendingUnk && !fuseUnk { symbols.append(unkId) }
                pendingUnk = true
            }
            i = end
        }
        if pendingUnk, let unkId { symbols.append(unkId) }
    }

    @inline(__always)
    private func rank(_ left: Int32, _ right: Int32) -> UInt64 {
        merges.value(UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))) ?? UInt64.max
    }

    /// Merges the lowest-ranked pair (leftmost on ties) until none is left.
    private func merge(_ symbols: inout [Int32]) {
        guard symbols.count > 1 else { return }
        var ranks = [UInt64](repeating: UInt64.max, count: symbols.count - 1)
        for k in 0..<ranks.count { ranks[k] = rank(symbols[k], symbols[k + 1]) }
        while true {
            var best = UInt64.max
            var bestIndex = -1
            for k in 0..<ranks.count where ranks[k] < best {
                best = ranks[k]
                bestIndex = k
            }
            if bestIndex < 0 { return }
            symbols[bestIndex] = Int32(bitPattern: UInt32(truncatingIfNeeded: best))
            symbols.remove(at: bestIndex + 1)
            ranks.remove(at: bestIndex)
            if bestIndex > 0 { ranks[bestIndex - 1] = rank(symbols[bestIndex - 1], symbols[bestIndex]) }
            if bestIndex < ranks.count { ranks[bestIndex] = rank(symbols[bestIndex], symbols[bestIndex + 1]) }
        }
    }
}
