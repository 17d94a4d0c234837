import Foundation

/// `Precompiled`: SentencePiece's compiled normalization rules (XLM-R, T5, mBART …), stored
/// base64-encoded as `<trie size: UInt32 LE><double-array trie><NUL-separated replacements>`.
///
/// Mirrors the Rust crate exactly, including its odd parts: each grapheme cluster shorter than
/// 6 bytes is first looked up whole and, when any prefix of it is a rule, replaced entirely by the
/// shortest such rule's output; otherwise each scalar is looked up on its own.
struct PrecompiledNormalizer: TextNormalizer {
    let trie: DoubleArrayTrie
    let replacements: [UInt8]
    /// Replacement range for each single ASCII byte, precomputed for speed.
    private let asciiRules: [Range<Int>?]

    init(json: JSONObject) throws {
        // An empty (or null) charsmap normalizes nothing.
        let encoded = json.optionalString("precompiled_charsmap") ?? ""
        guard let blob = encoded.isEmpty ? Data([0, 0, 0, 0]) : Data(base64Encoded: encoded) else {
            throw TokenizerError.invalidField(component: json.context, field: "precompiled_charsmap")
        }
        try self.init(blob: [UInt8](blob), context: json.context)
    }

    init(blob: [UInt8], context: String) throws {
        guard blob.count >= 4 else { throw TokenizerError.invalidField(component: context, field: "precompiled_charsmap") }
        let trieSize = Int(blob[0]) | Int(blob[1]) << 8 | Int(blob[2]) << 16 | Int(blob[3]) << 24
        guard trieSize % 4 == 0, 4 + trieSize <= blob.count else {
            throw TokenizerError.invalidField(component: context, field: "precompiled_charsmap")
        }
        var units = [UInt32](repeating: 0, count: trieSize / 4)
        for k in 0..<units.count {
            let base = 4 + 4 * k
            units[k] = UInt32(blob[base]) | UInt32(blob[base + 1]) << 8 | UInt32(blob[base + 2]) << 16 | UInt32(blob[base + 3]) << 24
        }
        let trie = DoubleArrayTrie(units: units)
        let replacements = Array(blob[(4 + trieSize)...])
        self.trie = trie
        self.replacements = replacements
        asciiRules = (0..<128).map { byte in
            let key: [UInt8] = [UInt8(byte)]
            return key.withUnsafeBufferPointer { Self.rule(for: $0, trie: trie, replacements: replacements) }
        }
    }

    /// The replacement for `key` (a byte range of `replacements`), when a prefix of `key` is a rule.
    private static func rule(for key: UnsafeBufferPointer<UInt8>, trie: DoubleArrayTrie, replacements: [UInt8]) -> Range<Int>? {
        guard let value = trie.firstPrefixValue(key) else { return nil }
        let start = Int(value)
        guard start <= replacements.count else { return nil }
        var end = start
        while end < replacements.count && replacements[end] != 0 { end += 1 }
        return start..<end
    }

    private func rule(for key: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        Self.rule(for: key, trie: trie, replacements: replacements)
    }

    /// Appends the normalization of one grapheme cluster.
    @inline(__always)
    private func appendGrapheme(_ grapheme: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if grapheme.count == 1, grapheme[0] < 0x80 {
            if let range = asciiRules[Int(grapheme[0])] {
                out.append(contentsOf: replacements[range])
            } else {
                out.append(grapheme[0])
            }
            return
        }
        if grapheme.count < 6, let range = rule(for: grapheme) {
            out.append(contentsOf: replacements[range])
            return
        }
        var i = 0
        while i < grapheme.count {
            let end = min(i + UTF8.length(lead: grapheme[i]), grapheme.count)
            let scalar = UnsafeBufferPointer(rebasing: grapheme[i..<end])
            if let range = rule(for: scalar) {
                out.append(contentsOf: replacements[range])
            } else {
                out.append(contentsOf: scalar)
            }
            i = end
        }
    }

    func normalize(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 4)
        text.withUnsafeBufferPointer { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A {
                        appendGrapheme(UnsafeBufferPointer(rebasing: bytes[i..<(i + 2)]), to: &out)
                        i += 2
                        continue
                    }
                    if i + 1 == n || bytes[i + 1] < 0x80 {
                        // An ASCII character followed by ASCII is a grapheme on its own.
                        appendGrapheme(UnsafeBufferPointer(rebasing: bytes[i..<(i + 1)]), to: &out)
                        i += 1
                        continue
                    }
                }
                // A stretch holding non-ASCII text (and the ASCII character a mark may attach to):
                // let Swift find its grapheme clusters.
                var end = byte < 0x80 ? i + 1 : i
                while true {
                    while end < n && bytes[end] >= 0x80 { end += 1 }
                    // A Prepend scalar joins the character after it, even an ASCII one.
                    guard end < n, Self.endsWithPrepend(bytes, end) else { break }
                    end += 1
                }
                appendComplex(UnsafeBufferPointer(rebasing: bytes[i..<end]), to: &out)
                i = end
            }
        }
        return out
    }

    private func appendComplex(_ span: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let string = String(decoding: span, as: Unicode.UTF8.self)
        let utf8 = string.utf8
        var index = string.startIndex
        var offset = 0
        while index < string.endIndex {
            let next = string.index(after: index)
            let length = utf8.distance(from: index, to: next)
            appendGrapheme(UnsafeBufferPointer(rebasing: span[offset..<(offset + length)]), to: &out)
            offset += length
            index = next
        }
    }

    /// Whether the scalar ending at `end` has Grapheme_Cluster_Break=Prepend.
    private static func endsWithPrepend(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = UTF8.decode(bytes, at: start).scalar
        switch scalar {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD,
             0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11A84...0x11A89, 0x11D46, 0x11F02:
            return true
        default:
            return false
        }
    }
}
