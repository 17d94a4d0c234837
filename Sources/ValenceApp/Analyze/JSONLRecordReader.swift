import ValenceCore
/// Reads JSONL lines (blank lines skipped); `parse` turns one into a record and may run on any thread.
final class JSONLRecordReader {
    /// A line as read, before parsing.
    struct RawLine {
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    private let input: ByteInput
    private let textField: String
    private var lineNumber = 0

    init(input: ByteInput, textField: String) throws {
        self.input = input
        self.textField = textField
        try input.skipByteOrderMark()
    }

    /// The next non-blank line, or nil at the end of input.
    func nextLine() throws -> RawLine? {
        while let line = try input.nextLine() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return RawLine(number: lineNumber, bytes: line)
        }
        return nil
    }

    /// The record on `line`, or why it cannot be used.
    func parse(_ line: RawLine) -> Result<InputRecord, RecordError> {
        let members: [JSONObjectScanner.Member]
        do {
            members = try JSONObjectScanner.members(of: line.bytes)
        } catch {
            return .failure(RecordError(line: line.number, message: "not a JSON object: \(error)"))
        }
        guard let member = members.last(where: { $0.key == textField }) else {
            return .failure(RecordError(line: line.number, message: "no field '\(textField)'"))
        }
        let value = line.bytes[member.valueRange]
        guard value.first == UInt8(ascii: "\""), value.count >= 2 else {
            return .failure(RecordError(line: line.number, message: "field '\(textField)' is not a string"))
        }
        do {
            let text = try JSONStringDecoder.decode(value.dropFirst().dropLast(), at: 0)
            return .success(InputRecord(line: line.number, text: text, payload: .json(line: line.bytes, members: members)))
        } catch {
            return .failure(RecordError(line: line.number, message: "field '\(textField)': \(error)"))
        }
    }
}
