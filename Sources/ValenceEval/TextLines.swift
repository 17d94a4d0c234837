/// Splits file bytes into lines on LF only (never on other Unicode line separators), dropping one CR before each
/// LF, and the empty piece after a final line end.
enum TextLines {
    /// One line's bytes (without its line end) and its 1-based line number.
    struct Line {
        var bytes: ArraySlice<UInt8>
        var number: Int
    }

    static func split(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = bytes.startIndex
        var number = 1
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var content = bytes[start..<end]
            if content.last == 0x0D { content = content.dropLast() }
            lines.append(Line(bytes: content, number: number))
            number += 1
            start = end == bytes.endIndex ? end : end + 1
        }
        return lines
    }

    /// The line as text; throws when it is not UTF-8.
    static func text(of line: Line, file: String) throws(EvalDatasetError) -> String {
        try text(of: line.bytes, line: line.number, file: file)
    }

    /// Part of a line as text; throws when it is not UTF-8.
    static func text(of bytes: ArraySlice<UInt8>, line: Int, file: String) throws(EvalDatasetError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw EvalDatasetError(file: file, line: line, message: "invalid UTF-8")
        }
        return text
    }
}
