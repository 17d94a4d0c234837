import NIOCore
import ValenceCore
import ValenceStorage

/// Splits a streamed CSV upload (RFC 4180, a header row first) into job items: the text from the `textField`
/// column, each row kept for the results as a JSON object of its columns in header order. A row with another
/// number of fields than the header, a missing or repeated column name, or malformed CSV is rejected, naming
/// the line.
struct CSVUpload: JobUpload {
    let textField: String
    let format = JobInputFormat.csv
    private(set) var columns: [String]?
    private(set) var count = 0
    private var parser = CSVParser()
    private var textColumn = 0

    init(textField: String) {
        self.textField = textField
    }

    mutating func consume(_ buffer: ByteBuffer) throws -> [NewJobItem] {
        do {
            return try items(from: try parser.consume(buffer.readableBytesView))
        } catch let error as CSVParser.SyntaxError {
            throw ValenceError.invalidInput(error.description)
        }
    }

    mutating func finish() throws -> [NewJobItem] {
        let last: CSVParser.Record?
        do {
            last = try parser.finish()
        } catch {
            throw ValenceError.invalidInput(error.description)
        }
        let items = try items(from: last.map { [$0] } ?? [])
        guard columns != nil else { throw ValenceError.invalidInput("the CSV upload is empty; a header row is expected") }
        return items
    }

    private mutating func items(from records: [CSVParser.Record]) throws -> [NewJobItem] {
        var items: [NewJobItem] = []
        for record in records {
            guard let columns else {
                try readHeader(record)
                continue
            }
            guard record.fields.count == columns.count else {
                throw ValenceError.invalidInput("line \(record.line): expected \(columns.count) fields, found \(record.fields.count)")
            }
            items.append(NewJobItem(seq: count, text: record.fields[textColumn], inputRecord: Self.object(columns, record.fields)))
            count += 1
        }
        return items
    }

    private mutating func readHeader(_ record: CSVParser.Record) throws {
        var seen: Set<String> = []
        if let repeated = record.fields.first(where: { !seen.insert($0).inserted }) {
            throw ValenceError.invalidInput("line \(record.line): the header names column '\(repeated)' twice")
        }
        guard let column = record.fields.firstIndex(of: textField) else {
            throw ValenceError.invalidInput("line \(record.line): the header has no column '\(textField)' (columns: \(record.fields.joined(separator: ", ")))")
        }
        columns = record.fields
        textColumn = column
    }

    /// `{"column": "value", …}` in header order.
    private static func object(_ columns: [String], _ fields: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, (column, field)) in zip(columns, fields).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(column, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(field, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
