/// `Strip`: removes leading and/or trailing whitespace (`char::is_whitespace`).
struct StripNormalizer: TextNormalizer {
    let left: Bool
    let right: Bool

    init(left: Bool, right: Bool) {
        self.left = left
        self.right = right
    }

    init(json: JSONObject) {
        self.init(left: json.bool("strip_left", default: true), right: json.bool("strip_right", default: true))
    }

    func normalize(_ text: [UInt8]) -> [UInt8] {
        guard let first = text.first, let last = text.last else { return text }
        // Fast path: nothing to strip at either end (ASCII non-space ends).
        let leftClean = !left || (first < 0x80 && !UnicodeClass.isWhitespace(UInt32(first)))
        let rightClean = !right || (last < 0x80 && !UnicodeClass.isWhitespace(UInt32(last)))
        if leftClean && rightClean { return text }
        let scalars = UTF8.scalars(text)
        var start = 0
        var end = scalars.count
        if left { while start < end && UnicodeClass.isWhitespace(scalars[start]) { start += 1 } }
        if right { while end > start && UnicodeClass.isWhitespace(scalars[end - 1]) { end -= 1 } }
        if start == 0 && end == scalars.count { return text }
        return UTF8.bytes(Array(scalars[start..<end]))
    }
}
