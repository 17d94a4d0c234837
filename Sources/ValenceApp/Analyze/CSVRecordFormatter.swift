import ValenceCore

/// Formats CSV records with the added columns (an existing column of the same name is overwritten).
struct CSVRecordFormatter {
    /// The output header line.
    let header: [UInt8]
    /// Where each added field goes.
    private let addedColumns: [Int]
    private let width: Int

    init(inputHeader: [String], fieldNames: [String]) {
        let columns = CSVOutputColumns(input: inputHeader, adding: fieldNames)
        addedColumns = columns.positions
        width = columns.header.count
        header = Array(CSVText.line(columns.header).utf8)
    }

    func format(_ record: InputRecord, _ values: [FieldValue]) -> [UInt8] {
        guard case .csv(let fields) = record.payload else { return [] }
        var row = fields + Array(repeating: "", count: width - fields.count)
        for (column, value) in zip(addedColumns, values) { row[column] = value.csvText }
        return Array(CSVText.line(row).utf8)
    }
}
