/// Turns feed HTML into plain text for scoring: tags (and the contents of `script` / `style`) removed,
/// character references decoded, whitespace collapsed.
enum HTMLText {
    private static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "hellip": "…", "copy": "©", "reg": "®", "trade": "™", "euro": "€", "pound": "£", "eacute": "é",
    ]

    /// Tags that sit inside a line of text: dropped without a space, so `<b>great</b>.` stays `great.`.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i", "kbd", "mark", "q", "s", "small", "span",
        "strong", "sub", "sup", "time", "u", "var",
    ]

    /// Plain text of an HTML fragment (plain text passes through, apart from whitespace and references).
    static func plainText(_ html: String) -> String {
        collapseWhitespace(decodeEntities(stripTags(html)))
    }

    /// Removes `<…>` tags, comments and the bodies of `script` and `style` elements; a block-level tag becomes a
    /// space so words on either side stay apart. A `<` that opens no tag is kept.
    static func stripTags(_ html: String) -> String {
        var output = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            let tail = rest[open...]
            if tail.hasPrefix("<!--") {
                rest = tail.range(of: "-->").map { tail[$0.upperBound...] } ?? ""
                output += " "
                continue
            }
            let second = tail.dropFirst().first
            guard let second, second.isLetter || second == "/" || second == "!" || second == "?",
                  let close = tail.firstIndex(of: ">")
            else {
                output += "<"
                rest = tail.dropFirst()
                continue
            }
            let closing = second == "/"
            let tagName = tail.dropFirst(closing ? 2 : 1).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            rest = tail[tail.index(after: close)...]
            if !closing, tagName == "script" || tagName == "style" {
                rest = rest.range(of: "</\(tagName)", options: .caseInsensitive).map { range in
                    rest[range.upperBound...].firstIndex(of: ">").map { rest[rest.index(after: $0)...] } ?? ""
                } ?? ""
            }
            if !inlineTags.contains(tagName) { output += " " }
        }
        output += rest
        return output
    }

    /// Decodes `&name;`, `&#NN;` and `&#xHH;`; an unknown or broken reference is left as it is.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            let tail = rest[rest.index(after: ampersand)...]
            if let semicolon = tail.prefix(12).firstIndex(of: ";"), let decoded = decode(reference: tail[..<semicolon]) {
                output += decoded
                rest = tail[tail.index(after: semicolon)...]
            } else {
                output += "&"
                rest = tail
            }
        }
        output += rest
        return output
    }

    private static func decode(reference: Substring) -> String? {
        if reference.hasPrefix("#") {
            let digits = reference.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return namedEntities[String(reference)]
    }

    private static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
