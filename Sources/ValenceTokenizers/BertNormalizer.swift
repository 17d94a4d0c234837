/// `BertNormalizer`: cleans control characters, spaces out CJK ideographs, strips accents and
/// lowercases, in that order, one scalar at a time (as the Rust crate's passes do).
struct BertNormalizer: TextNormalizer {
    let cleanText: Bool
    let handleChineseChars: Bool
    let stripAccents: Bool
    let lowercase: Bool

    init(cleanText: Bool = true, handleChineseChars: Bool = true, stripAccents: Bool? = nil, lowercase: Bool = true) {
        self.cleanText = cleanText
        self.handleChineseChars = handleChineseChars
        // `strip_accents: null` follows `lowercase`.
        self.stripAccents = stripAccents ?? lowercase
        self.lowercase = lowercase
    }

    init(json: JSONObject) {
        self.init(
            cleanText: json.bool("clean_text", default: true),
            handleChineseChars: json.bool("handle_chinese_chars", default: true),
            stripAccents: json.optionalBool("strip_accents"),
            lowercase: json.bool("lowercase", default: true)
        )
    }

    func normalize(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + 8)
        text.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    // ASCII fast path: no CJK, no accents.
                    i += 1
                    var c = lead
                    if cleanText {
                        if c == 0x09 || c == 0x0A || c == 0x0D {
                            c = 0x20
                        } else if c < 0x20 || c == 0x7F {  // NUL and other controls (0x0B, 0x0C too) go
                            continue
                        }
                    }
                    if lowercase && c >= 0x41 && c <= 0x5A { c |= 0x20 }
                    out.append(c)
                    continue
                }
                let (scalar, length) = UTF8.decode(bytes, at: i)
                i += length
                appendSlow(scalar, to: &out)
            }
        }
        return out
    }

    private func appendSlow(_ original: UInt32, to out: inout [UInt8]) {
        var scalar = original
        if cleanText {
            if scalar == 0xFFFD || UnicodeClass.isBertControl(scalar) { return }
            if UnicodeClass.isBertWhitespace(scalar) { scalar = 0x20 }
        }
        if handleChineseChars && UnicodeClass.isChineseChar(scalar) {
            out.append(0x20)
            appendStripped(scalar, to: &out)
            out.append(0x20)
            return
        }
        appendStripped(scalar, to: &out)
    }

    private func appendStripped(_ scalar: UInt32, to out: inout [UInt8]) {
        guard stripAccents else {
            appendLowered(scalar, to: &out)
            return
        }
        for part in ScalarMappingCache.canonicalDecomposition.mapping(scalar)
        where !UnicodeClass.isBertNonspacingMark(part) {
            appendLowered(part, to: &out)
        }
    }

    @inline(__always)
    private func appendLowered(_ scalar: UInt32, to out: inout [UInt8]) {
        guard lowercase else {
            UTF8.append(scalar, to: &out)
            return
        }
        if scalar < 0x80 {
            UTF8.append(scalar >= 0x41 && scalar <= 0x5A ? scalar | 0x20 : scalar, to: &out)
            return
        }
        for part in ScalarMappingCache.lowercase.mapping(scalar) { UTF8.append(part, to: &out) }
    }
}
