import ValenceCore

/// Reads CSV records by their header row.
final class CSVRecordReader {
    private let reader: CSVReader
    let header: [String]
    private let textColumn: Int

    init(input: ByteInput, textField: String) throws {
        reader = CSVReader(input: input)
        guard let first = try Self.read(reader) else {
            throw RecordError(line: 1, message: "the CSV input is empty; a header row is expected", fatal: true)
        }
        header = first.fields
        guard let column = header.lastIndex(of: textField) else {
            throw RecordError(line: first.line, message: "the header has no column '\(textField)' (columns: \(header.joined(separator: ", ")))", fatal: true)
        }
        textColumn = column
    }

    /// The next record (or why it cannot be used), nil at the end; throws when the stream itself is broken.
    func next() throws -> Result<InputRecord, RecordError>? {
        guard let record = try Self.read(reader) else { return nil }
        guard record.fields.count == header.count else {
            return .failure(RecordError(line: record.line, message: "expected \(header.count) fields, found \(record.fields.count)"))
        }
        return .success(InputRecord(line: record.line, text: record.fields[textColumn], payload: .csv(fields: record.fields)))
    }

    private static func read(_ reader: CSVReader) throws -> CSVParser.Record? {
        do {
            return try reader.next()
        } catch let error as CSVParser.SyntaxError {
            throw RecordError(line: error.line, message: error.message, fatal: true)
        }
    }
}
