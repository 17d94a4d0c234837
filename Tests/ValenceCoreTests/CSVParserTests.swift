import Testing
import ValenceCore

@Suite("Incremental CSV parser")
struct CSVParserTests {
    private static let sample = Array("\u{FEFF}id,text\r\n1,\"hello, \"\"world\"\"\"\r\n\r\n2,\"two\nlines\"\n3,plain \"quote\"\n4,last".utf8)
    private static let expected = [
        CSVParser.Record(fields: ["id", "text"], line: 1),
        CSVParser.Record(fields: ["1", "hello, \"world\""], line: 2),
        CSVParser.Record(fields: ["2", "two\nlines"], line: 4),
        CSVParser.Record(fields: ["3", "plain \"quote\""], line: 6),
        CSVParser.Record(fields: ["4", "last"], line: 7),
    ]

    private func parse(_ chunks: [ArraySlice<UInt8>]) throws -> [CSVParser.Record] {
        var parser = CSVParser()
        var records: [CSVParser.Record] = []
        for chunk in chunks { records += try parser.consume(chunk) }
        if let last = try parser.finish() { records.append(last) }
        return records
    }

    @Test("quotes, doubled quotes, line breaks in fields, CRLF, blank lines and a byte-order mark")
    func wholeInput() throws {
        #expect(try parse([Self.sample[...]]) == Self.expected)
    }

    @Test("the same records whichever byte the input is split at")
    func everySplit() throws {
        for split in 0...Self.sample.count {
            #expect(try parse([Self.sample[..<split], Self.sample[split...]]) == Self.expected, "split at \(split)")
        }
        #expect(try parse(Self.sample.indices.map { Self.sample[$0...$0] }) == Self.expected)
    }

    @Test("empty fields and a trailing comma count; a partial byte-order mark is data, not dropped")
    func edges() throws {
        #expect(try parse([Array(",a,\n\"\",x\n".utf8)[...]]) == [.init(fields: ["", "a", ""], line: 1), .init(fields: ["", "x"], line: 2)])
        #expect(try parse([[][...]]).isEmpty)
        #expect(throws: CSVParser.SyntaxError(message: "invalid UTF-8", line: 1)) { try parse([[0xEF, 0xBB, 0x61, 0x0A][...]]) }
        #expect(throws: CSVParser.SyntaxError(message: "invalid UTF-8", line: 1)) { try parse([[0xEF, 0xBB][...]]) }
    }

    @Test("an unterminated quoted field and invalid UTF-8 are errors naming the record's line")
    func errors() throws {
        #expect(throws: CSVParser.SyntaxError(message: "unterminated quoted field", line: 2)) {
            try parse([Array("a\n\"open\nstill open".utf8)[...]])
        }
        #expect(throws: CSVParser.SyntaxError(message: "invalid UTF-8", line: 2)) {
            try parse([Array("a\n".utf8)[...] + [0xFF, 0x0A]])
        }
    }
}
