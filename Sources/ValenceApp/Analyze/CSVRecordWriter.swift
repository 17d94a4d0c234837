/// Writes CSV records back with the added columns (an existing column of the same name is overwritten).
final class CSVRecordWriter {
    private let output: ByteOutput
    /// Where each added field goes.
    private let addedColumns: [Int]
    private let width: Int

    init(output: ByteOutput, header: [String], fieldNames: [String]) throws {
        self.output = output
        var outputHeader = header
        var columns: [Int] = []
        for name in fieldNames {
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

    func write(_ record: InputRecord, _ values: [FieldValue]) throws {
        guard case .csv(let fields) = record.payload else { return }
        var row = fields + Array(repeating: "", count: width - fields.count)
        for (column, value) in zip(addedColumns, values) {
            switch value {
            case .string(let string): row[column] = string
            case .json(let json): row[column] = json
            }
        }
        try output.write(CSVWriter.line(row))
    }
}
