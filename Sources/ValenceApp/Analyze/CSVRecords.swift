import ValenceCore

/// Reads CSV records by a header row and writes them back with the added columns.
final class CSVRecordReader {
    private let reader: CSVReader
    let header: [String]
    private let textColumn: Int

    init(input: ByteInput, textField: String) throws {
        try input.skipByteOrderMark()
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

    func next() throws -> InputRecord? {
        guard let record = try Self.read(reader) else { return nil }
        guard record.fields.count == header.count else {
            throw RecordError(line: record.line, message: "expected \(header.count) fields, found \(record.fields.count)")
        }
        return InputRecord(line: record.line, text: record.fields[textColumn], payload: .csv(fields: record.fields))
    }

    private static func read(_ reader: CSVReader) throws -> CSVReader.Record? {
        do {
            return try reader.next()
        } catch let error as CSVReader.SyntaxError {
            throw RecordError(line: error.line, message: error.message, fatal: true)
        }
    }
}

final class CSVRecordWriter {
    private let output: ByteOutput
    /// Where each added field goes: an existing column of that name, or a new one at the end.
    private let addedColumns: [Int]
    private let width: Int

    init(output: ByteOutput, header: [String], includeLogits: Bool) throws {
        self.output = output
        var outputHeader = header
        var columns: [Int] = []
        for name in AddedFields.names where includeLogits || name != "logits" {
            if let existing = header.firstIndex(of: name) {
                columns.append(existing)
            } else {
                columns.append(outputHeader.count)
                outputHeader.append(name)
            }
        }
        addedColumns = columns
        width = outputHeader.count
        try output.write(CSVWriter.line(outputHeader))
    }

    func write(_ record: InputRecord, _ added: AddedFields) throws {
        guard case .csv(let fields) = record.payload else { return }
        var row = fields + Array(repeating: "", count: width - fields.count)
        let values = [added.sentiment, JSONText.number(added.confidence), added.model, added.scores] + (added.logits.map { [$0] } ?? [])
        for (column, value) in zip(addedColumns, values) { row[column] = value }
        try output.write(CSVWriter.line(row))
    }
}
