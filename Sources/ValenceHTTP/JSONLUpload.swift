import NIOCore
import ValenceCore
import ValenceStorage

/// Splits a streamed JSONL upload into job items: one per non-blank line, the text from `textField`, the line
/// kept for the results. A line that is not a JSON object with a string `textField` is rejected, naming it.
struct JSONLUpload: JobUpload {
    let textField: String
    let format = JobInputFormat.jsonl
    let columns: [String]? = nil
    private(set) var count = 0
    private var line = 0
    private var partial: [UInt8] = []

    init(textField: String) {
        self.textField = textField
    }

    mutating func consume(_ buffer: ByteBuffer) throws -> [NewJobItem] {
        var items: [NewJobItem] = []
        for byte in buffer.readableBytesView {
            if byte == UInt8(ascii: "\n") {
                if let item = try item(from: partial) { items.append(item) }
                partial.removeAll(keepingCapacity: true)
            } else {
                partial.append(byte)
            }
        }
        return items
    }

    mutating func finish() throws -> [NewJobItem] {
        defer { partial = [] }
        return try item(from: partial).map { [$0] } ?? []
    }

    private mutating func item(from bytes: [UInt8]) throws -> NewJobItem? {
        line += 1
        var record = bytes[...]
        if line == 1, record.starts(with: [0xEF, 0xBB, 0xBF]) { record = record.dropFirst(3) }
        if record.last == UInt8(ascii: "\r") { record = record.dropLast() }
        guard record.contains(where: { !Self.isWhitespace($0) }) else { return nil }
        let members: [JSONObjectScanner.Member]
        do {
            members = try JSONObjectScanner.members(of: record)
        } catch {
            throw ValenceError.invalidInput("line \(line) is not a JSON object: \(error)")
        }
        guard let member = members.last(where: { $0.key == textField }),
              record[member.valueRange.lowerBound] == UInt8(ascii: "\""),
              let text = try? JSONStringDecoder.decode(record[(member.valueRange.lowerBound + 1)..<(member.valueRange.upperBound - 1)], at: 0)
        else {
            throw ValenceError.invalidInput("line \(line) has no string field '\(textField)'")
        }
        defer { count += 1 }
        return NewJobItem(seq: count, text: text, inputRecord: String(decoding: record, as: UTF8.self))
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
