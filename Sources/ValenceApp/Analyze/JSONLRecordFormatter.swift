import ValenceCore

/// Formats JSONL records back byte for byte, minus fields the annotator replaces, plus the added fields.
/// `format` is pure, so windows are formatted on all cores.
struct JSONLRecordFormatter {
    private let fieldNames: [String]
    /// `"name":` for each added field, precomputed.
    private let keyPrefixes: [[UInt8]]

    init(fieldNames: [String]) {
        self.fieldNames = fieldNames
        keyPrefixes = fieldNames.map { name in
            var bytes: [UInt8] = []
            JSONText.appendQuoted(name, to: &bytes)
            return bytes + [UInt8(ascii: ":")]
        }
    }

    func format(_ record: InputRecord, _ values: [FieldValue]) -> [UInt8] {
        guard case .json(let line, let members) = record.payload else { return [] }
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(line.count + 160)
        for member in members where !fieldNames.contains(member.key) {
            bytes.append(contentsOf: line[member.range])
            bytes.append(UInt8(ascii: ","))
        }
        for (index, value) in values.enumerated() {
            bytes.append(contentsOf: keyPrefixes[index])
            value.appendJSON(to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        if bytes.count > 1 { bytes.removeLast() }  // the trailing comma
        bytes.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
        return bytes
    }
}
