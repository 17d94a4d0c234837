/// Finds added tokens in text the way the Rust crate's Aho-Corasick automaton does
/// (leftmost-longest, non-overlapping), then applies each token's `single_word`, `lstrip` and
/// `rstrip` rules.
struct AddedTokenMatcher: Sendable {
    /// A stretch of text: an added token (with its id) or plain text to normalize and tokenize.
    enum Segment: Equatable {
        case token(Int32)
        case text(Range<Int>)
    }

    private struct Entry: Sendable {
        var id: Int32
        var singleWord: Bool
        var lstrip: Bool
        var rstrip: Bool
    }

    private let trie: ByteTrie
    private let entries: [Entry]
    private var firstBytes = [Bool](repeating: false, count: 256)

    /// `patterns` are the byte strings to look for (the normalized content for normalized tokens).
    init(tokens: [AddedToken], patterns: [[UInt8]]) {
        var keys: [([UInt8], Int32)] = []
        var entries: [Entry] = []
        var seen = Set<[UInt8]>()
        for (token, pattern) in zip(tokens, patterns) where !pattern.isEmpty {
            // With duplicate patterns the first one added wins.
            guard seen.insert(pattern).inserted else { continue }
            keys.append((pattern, Int32(entries.count)))
            entries.append(Entry(id: token.id, singleWord: token.singleWord, lstrip: token.lstrip, rstrip: token.rstrip))
            firstBytes[Int(pattern[0])] = true
        }
        trie = ByteTrie(keys: keys)
        self.entries = entries
    }

    var isEmpty: Bool { entries.isEmpty }

    /// Splits `text` into added tokens and the text between them (empty stretches omitted).
    func split(_ text: [UInt8]) -> [Segment] {
        if entries.isEmpty || text.isEmpty { return text.isEmpty ? [] : [.text(0..<text.count)] }
        var segments: [Segment] = []
        var offset = 0
        text.withUnsafeBufferPointer { bytes in
            var position = 0
            while position < bytes.count {
                guard firstBytes[Int(bytes[position])] else {
                    position += 1
                    continue
                }
                var longest = 0
                var entryIndex: Int32 = -1
                trie.forEachPrefix(of: bytes, from: position) { length, index in
                    longest = length
                    entryIndex = index
                }
                guard entryIndex >= 0 else {
                    position += 1
                    continue
                }
                let entry = entries[Int(entryIndex)]
                var start = position
                var stop = position + longest
                // The automaton resumes after the match even when the match is discarded.
                position = stop
                if entry.singleWord {
                    let startSpace = start == 0 || !Self.endsWithWord(bytes, start)
                    let stopSpace = stop == bytes.count || !Self.startsWithWord(bytes, stop)
                    if !startSpace || !stopSpace { continue }
                }
                if entry.lstrip {
                    var k = start
                    while k > offset {
                        var p = k - 1
                        while p > 0 && bytes[p] & 0xC0 == 0x80 { p -= 1 }
                        if !UnicodeClass.isWhitespace(UTF8.decode(bytes, at: p).scalar) { break }
                        k = p
                    }
                    start = k
                }
                if entry.rstrip {
                    while stop < bytes.count {
                        let (scalar, length) = UTF8.decode(bytes, at: stop)
                        if !UnicodeClass.isWhitespace(scalar) { break }
                        stop += length
                    }
                    position = stop
                }
                if start > offset { segments.append(.text(offset..<start)) }
                segments.append(.token(entry.id))
                offset = stop
            }
        }
        if offset < text.count { segments.append(.text(offset..<text.count)) }
        return segments
    }

    /// `\w` at the end of `bytes[..<end]`.
    private static func endsWithWord(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var p = end - 1
        while p > 0 && bytes[p] & 0xC0 == 0x80 { p -= 1 }
        return UnicodeClass.isWordCharacter(UTF8.decode(bytes, at: p).scalar)
    }

    /// `\w` at the start of `bytes[start...]`.
    private static func startsWithWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        UnicodeClass.isWordCharacter(UTF8.decode(bytes, at: start).scalar)
    }
}
