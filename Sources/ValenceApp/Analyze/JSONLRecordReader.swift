/// Reads JSONL records (one object per line; blank lines skipped) and writes them back with the added fields.
final class JSONLRecordReader {
    private let input: ByteInput
    private let textField: String
    private var lineNumber = 0

    init(input: ByteInput, textField: String) throws {
        self.input = input
        self.textField = textField
        try input.skipByteOrderMark()
    }

    func next() throws -> InputRecord? {
        while let line = try input.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let members: [JSONObjectScanner.Member]
            do {
                members = try JSONObjectScanner.members(of: line)
            } catch {
                throw RecordError(line: lineNumber, message: "not a JSON object: \(error)")
            }
            guard let member = members.last(where: { $0.key == textField }) else {
                throw RecordError(line: lineNumber, message: "no field '\(textField)'")
            }
            let value = line[member.valueRange]
            guard value.first == UInt8(ascii: "\""), value.count >= 2 else {
                throw RecordError(line: lineNumber, message: "field '\(textField)' is not a string")
            }
            let text = try JSONStringDecoder.decode(value.dropFirst().dropLast(), at: 0)
            return InputRecord(line: lineNumber, text: text, payload: .json(line: line, members: members))
        }
        return nil
    }
}
