/// `WordPiece` (BERT): greedy longest-match-first over the vocabulary; pieces after the first
/// carry `continuing_subword_prefix` ("##"). A word longer than `max_input_chars_per_word`
/// scalars, or one that cannot be covered, becomes the unknown token.
struct WordPieceModel: TokenModel {
    /// Entries that may start a word.
    let vocab: VocabTable
    /// Entries that begin with the continuing prefix, keyed without it.
    let continuations: VocabTable
    let unkId: Int32?
    let maxInputCharsPerWord: Int

    init(json: JSONObject) throws {
        let entries = try ModelFactory.vocabulary(json)
        vocab = VocabTable(entries)
        let prefix = Array((json.optionalString("continuing_subword_prefix") ?? "##").utf8)
        let continued = entries.lazy.map { (Array($0.0.utf8), $0.1) }.filter { $0.0.starts(with: prefix) }
            .map { (Array($0.0.dropFirst(prefix.count)), $0.1) }
        continuations = VocabTable(continued, capacity: entries.count)
        let unkToken = json.optionalString("unk_token") ?? "[UNK]"
        unkId = vocab.id(unkToken)
        maxInputCharsPerWord = json.optionalInt("max_input_chars_per_word") ?? 100
    }

    func tokenize(_ word: UnsafeBufferPointer<UInt8>, into ids: inout [Int32]) {
        var scalarCount = 0
        for byte in word where byte & 0xC0 != 0x80 { scalarCount += 1 }
        if scalarCount > maxInputCharsPerWord {
            if let unkId { ids.append(unkId) }
            return
        }
        let mark = ids.count
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            let table = start == 0 ? vocab : continuations
            while start < end {
                if let id = table.id(UnsafeBufferPointer(rebasing: word[start..<end])) {
                    found = id
                    break
                }
                // Step back one scalar.
                end -= 1
                while end > start && word[end] & 0xC0 == 0x80 { end -= 1 }
            }
            guard let id = found else {
                ids.removeSubrange(mark...)
                if let unkId { ids.append(unkId) }
                return
            }
            ids.append(id)
            start = end
        }
    }

    func id(forToken token: String) -> Int32? { vocab.id(token) }
    var vocabularySize: Int { vocab.count }
}
