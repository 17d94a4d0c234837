import ValenceCore

/// Writes JSONL records back byte for byte, minus fields the annotator replaces, plus the added fields.
final class JSONLRecordWriter {
    private let output: ByteOutput
    private let fieldNames: [String]
    /// `,"name":` for each added field, precomputed.
    private let keyPrefixes: [[UInt8]]

    init(output: ByteOutput, fieldNames: [String]) {
        self.output = output
        self.fieldNames = fieldNames
        keyPrefixes = fieldNames.map { Array((JSONText.quoted($0) + ":").utf8) }
    }

    func write(_ record: InputRecord, _ values: [FieldValue]) throws {
        guard case .json(let line, let members) = record.payload else { return }
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(line.count + 200)
        for member in members where !fieldNames.contains(member.key) {
            bytes.append(contentsOf: line[member.range])
            bytes.append(UInt8(ascii: ","))
        }
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: keyPrefixes[index])
            switch value {
            case .string(let string): bytes.append(contentsOf: JSONText.quoted(string).utf8)
            case .json(let json): bytes.append(contentsOf: json.utf8)
            }
        }
        if values.isEmpty, bytes.count > 1 { bytes.removeLast() }
        bytes.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
        try output.write(bytes)
    }
}
