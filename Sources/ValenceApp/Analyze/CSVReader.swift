/// Reads RFC 4180 CSV records (quoted fields may hold commas, quotes and line breaks) from a byte stream.
final class CSVReader {
    struct Record {
        var fields: [String]
        /// The physical line the record starts on (1-based).
        var line: Int
    }

    struct SyntaxError: Error, CustomStringConvertible {
        var message: String
        var line: Int
        var description: String { "line \(line): \(message)" }
    }

    private let input: ByteInput
    private var line = 1

    init(input: ByteInput) {
        self.input = input
    }

    /// The next record, or nil at the end of input. Blank lines are skipped.
    func next() throws -> Record? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false        // inside a quoted field
        var wasQuoted = false     // the current field started with a quote
        var startLine = line
        var sawAnything = false

        func endField() throws {
            guard let string = String(validating: field, as: UTF8.self) else {
                throw SyntaxError(message: "invalid UTF-8", line: startLine)
            }
            fields.append(string)
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }

        while let byte = try input.nextByte() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try peekIsQuote() {
                        field.append(byte)
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                sawAnything = true
                try endField()
            case UInt8(ascii: "\""):
                sawAnything = true
                if field.isEmpty, !wasQuoted {
                    quoted = true
                    wasQuoted = true
                } else {
                    field.append(byte)  // a stray quote inside an unquoted field is kept as is
                }
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\n"):
                line += 1
                if !sawAnything && field.isEmpty && fields.isEmpty {
                    startLine = line
                    continue  // blank line
                }
                try endField()
                return Record(fields: fields, line: startLine)
            default:
                sawAnything = true
                field.append(byte)
            }
        }
        if quoted { throw SyntaxError(message: "unterminated quoted field", line: startLine) }
        guard sawAnything || !field.isEmpty || !fields.isEmpty else { return nil }
        try endField()
        return Record(fields: fields, line: startLine)
    }

    /// Reads the byte after a quote inside a quoted field: `""` is an escaped quote.
    private func peekIsQuote() throws -> Bool {
        guard let next = try input.nextByte() else { return false }
        if next == UInt8(ascii: "\"") { return true }
        // Not an escaped quote: the field closed; handle `next` as the byte after the closing quote.
        try input.unread(next)
        return false
    }
}
