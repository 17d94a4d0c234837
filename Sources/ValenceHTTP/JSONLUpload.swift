import Foundation
import NIOCore
import ValenceCore
import ValenceStorage

/// Splits a streamed JSONL upload into job items: one per non-blank line, the text from `textField`, the line
/// kept for the results. A line that is not a JSON object with a string `textField` is rejected, naming it.
struct JSONLUpload {
    let textField: String
    /// Items produced so far.
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
        var record = bytes
        if record.last == UInt8(ascii: "\r") { record.removeLast() }
        guard record.contains(where: { !$0.isASCIIWhitespace }) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(record)) as? [String: Any] else {
            throw ValenceError.invalidInput("line \(line) is not a JSON object")
        }
        guard let text = object[textField] as? String else {
            throw ValenceError.invalidInput("line \(line) has no string field '\(textField)'")
        }
        defer { count += 1 }
        return NewJobItem(seq: count, text: text, inputRecord: String(decoding: record, as: UTF8.self))
    }
}

private extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }
}
