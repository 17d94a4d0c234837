/// Escaping for text that goes into HTML or SVG, as element content or a quoted attribute value.
enum HTMLText {
    /// `text` with `& < > " '` replaced by character references, so no data can open a tag or leave an attribute.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
