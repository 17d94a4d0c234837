/// An incremental RFC 4180 CSV parser: bytes go in as they arrive (in chunks of any size, split anywhere),
/// complete records come out. Quoted fields may hold commas, doubled quotes and line breaks; CR outside quotes is
/// ignored (CRLF files), blank lines are skipped, and a UTF-8 byte-order mark at the very start is dropped.
public struct CSVParser: Sendable {
    /// One record and the physical line (1-based) it starts on.
    public struct Record: Sendable, Equatable {
        public var fields: [String]
        public var line: Int

        public init(fields: [String], line: Int) {
            self.fields = fields
            self.line = line
        }
    }

    /// Malformed input, with the line of the record it is in.
    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var description: String { "line \(line): \(message)" }

        public init(message: String, line: Int) {
            self.message = message
            self.line = line
        }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var quoted = false  // inside a quoted field
    private var quoteSeen = false  // a quote inside a quoted field: doubled or closing, the next byte decides
    private var fieldWasQuoted = false
    private var recordStarted = false
    private var line = 1
    private var recordLine = 1
    private var byteOrderMarkMatched: Int? = 0  // leading bytes matching the mark so far; nil once decided
    private var finished = false

    public init() {}

    /// The records completed by `bytes`.
    public mutating func consume(_ bytes: some Sequence<UInt8>) throws(SyntaxError) -> [Record] {
        var records: [Record] = []
        for byte in bytes {
            if let record = try consume(byte) { records.append(record) }
        }
        return records
    }

    /// The last record when the input ended without a newline; fails on an unterminated quoted field.
    public mutating func finish() throws(SyntaxError) -> Record? {
        guard !finished else { return nil }
        finished = true
        flushByteOrderMarkPrefix()
        if quoteSeen {
            quoteSeen = false
            quoted = false
        }
        if quoted { throw SyntaxError(message: "unterminated quoted field", line: recordLine) }
        guard recordStarted else { return nil }
        return try endRecord()
    }

    private mutating func consume(_ byte: UInt8) throws(SyntaxError) -> Record? {
        if let matched = byteOrderMarkMatched {
            if byte == Self.byteOrderMark[matched] {
                byteOrderMarkMatched = matched + 1 == Self.byteOrderMark.count ? nil : matched + 1
                return nil
            }
            flushByteOrderMarkPrefix()
        }
        if quoteSeen {
            quoteSeen = false
            if byte == UInt8(ascii: "\"") {
                field.append(byte)
                return nil
            }
            quoted = false  // the quote closed the field; `byte` is read outside quotes
        }
        if quoted {
            if byte == UInt8(ascii: "\"") {
                quoteSeen = true
            } else {
                if byte == 0x0A { line += 1 }
                field.append(byte)
            }
            return nil
        }
        switch byte {
        case UInt8(ascii: ","):
            recordStarted = true
            try endField()
        case UInt8(ascii: "\""):
            recordStarted = true
            if field.isEmpty, !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
            } else {
                field.append(byte)  // a stray quote inside an unquoted field is kept as is
            }
        case 0x0D:
            break
        case 0x0A:
            line += 1
            guard recordStarted else {
                recordLine = line  // a blank line
                return nil
            }
            return try endRecord()
        default:
            recordStarted = true
            field.append(byte)
        }
        return nil
    }

    /// Replays the start of a byte-order mark that the input ended in the middle of.
    private mutating func flushByteOrderMarkPrefix() {
        guard let matched = byteOrderMarkMatched else { return }
        byteOrderMarkMatched = nil
        if matched > 0 {
            field.append(contentsOf: Self.byteOrderMark[0..<matched])
            recordStarted = true
        }
    }

    private mutating func endField() throws(SyntaxError) {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw SyntaxError(message: "invalid UTF-8", line: recordLine)
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    private mutating func endRecord() throws(SyntaxError) -> Record {
        try endField()
        let record = Record(fields: fields, line: recordLine)
        fields.removeAll(keepingCapacity: true)
        recordStarted = false
        recordLine = line
        return record
    }
}
