import Foundation

/// `Unigram` (SentencePiece): the best-scoring segmentation by Viterbi over all vocabulary
/// matches; a scalar no entry covers costs `min_score - 10` as the unknown token, consecutive
/// unknowns are fused, and with `byte_fallback` an unknown piece becomes its `<0xXX>` tokens.
struct UnigramModel: TokenModel {
    let vocab: VocabTable
    let scores: [Double]
    let trie: ByteTrie
    let unkId: Int32?
    let unkScore: Double
    let byteFallback: Bool
    let byteTokenIds: [Int32?]

    /// The penalty SentencePiece gives unknown pieces below the lowest score.
    private static let unknownPenalty = 10.0

    init(json: JSONObject) throws {
        let raw = try json.array("vocab")
        var entries: [([UInt8], Int32)] = []
        var scores: [Double] = []
        entries.reserveCapacity(raw.count)
        scores.reserveCapacity(raw.count)
        for (index, item) in raw.enumerated() {
            guard let pair = item as? [Any], pair.count == 2, let token = pair[0] as? String,
                  let score = (pair[1] as? NSNumber)?.doubleValue else {
                throw TokenizerError.invalidField(component: json.context, field: "vocab[\(index)]")
            }
            entries.append((Array(token.utf8), Int32(index)))
            scores.append(score)
        }
        // Later duplicates win, as in the Rust token map.
        let vocab = VocabTable(entries, capacity: entries.count)
        self.vocab = vocab
        self.scores = scores
        trie = ByteTrie(keys: entries.map { ($0.0, vocab.id($0.0) ?? $0.1) })
        if let unk = json.optionalInt("unk_id") {
            guard unk >= 0 && unk < raw.count else {
                throw TokenizerError.invalidConfiguration("\(json.context): unk_id \(unk) is outside the vocabulary")
            }
            unkId = Int32(unk)
        } else {
            unkId = nil
        }
        unkScore = (scores.min() ?? 0) - Self.unknownPenalty
        byteFallback = json.bool("byte_fallback", default: false)
        byteTokenIds = (0..<256).map { vocab.id(String(format: "<0x%02X>", $0)) }
    }

    func id(forToken token: String) -> Int32? { vocab.id(token) }
    var vocabularySize: Int { scores.count }

    func tokenize(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        let size = word.count
        var bestScore = [Double](repeating: 0, count: size + 1)
        var startsAt = [Int](repeating: -1, count: size + 1)
        var bestId = [Int32](repeating: -1, count: size + 1)
        var position = 0
        while position < size {
            let base = bestScore[position]
            let scalarLength = UTF8.length(lead: word[position])
            var hasSingle = false
            trie.forEachPrefix(of: word, from: position) { length, id in
                let target = position + length
                let candidate = scores[Int(id)] + base
                if startsAt[target] < 0 || candidate > bestScore[target] {
                    bestScore[target] = candidate
                    startsAt[target] = position
                    bestId[target] = id
                }
                if length == scalarLength { hasSingle = true }
            }
            if !hasSingle {
                let target = position + scalarLength
                let candidate = unkScore + base
                if startsAt[target] < 0 || candidate > bestScore[target] {
                    bestScore[target] = candidate
                    startsAt[target] = position
                    bestId[target] = unkId ?? -1
                }
            }
            position += scalarLength
        }
        // Walk back; fuse runs of unknown nodes.
        var spans: [Range<Int>] = []
        var end = size
        var fusedStart = -1
        var fusedEnd = -1
        while end > 0 {
            let start = startsAt[end]
            if let unkId, bestId[end] == unkId {
                if fusedStart < 0 { fusedEnd = end }
                fusedStart = start
            } else {
                if fusedStart >= 0 {
                    spans.append(fusedStart..<fusedEnd)
                    fusedStart = -1
                }
                spans.append(start..<end)
            }
            end = start
        }
        if fusedStart >= 0 { spans.append(fusedStart..<fusedEnd) }
        for span in spans.reversed() {
            let piece = UnsafeBufferPointer(rebasing: word[span])
            if let id = vocab.id(piece) {
                ids.append(id)
                continue
            }
            if byteFallback && piece.allSatisfy({ byteTokenIds[Int($0)] != nil }) {
                for byte in piece { ids.append(byteTokenIds[Int(byte)]!) }
                continue
            }
            if let unkId { ids.append(unkId) }
        }
    }
}
