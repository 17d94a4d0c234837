import Testing
import ValenceCore
@testable import ValenceEval

@Suite("VADER ground-truth reader")
struct VaderDatasetTests {
    @Test("CRLF rows, no final line end, tabs and odd separators kept inside the text")
    func quirks() throws {
        let file = "1\t2.5\tGreat\tday  \r\n2\t-0.5\t starts with a space\u{2028}and goes on\r\n3\t0.49\tmeh\rstill line 3"
        let examples = try VaderDataset.parse(Array(file.utf8), file: "g.txt")
        #expect(examples == [
            EvalExample(id: "1", text: "Great\tday  ", label: .positive, rating: 2.5),
            EvalExample(id: "2", text: " starts with a space\u{2028}and goes on", label: .negative, rating: -0.5),
            EvalExample(id: "3", text: "meh\rstill line 3", label: .neutral, rating: 0.49),
        ])
    }

    @Test("gold labels: ≥ 0.5 positive, ≤ −0.5 negative, else neutral")
    func labels() {
        #expect(VaderDataset.labelThreshold == 0.5)
        #expect(VaderDataset.label(forRating: 0.5) == .positive)
        #expect(VaderDataset.label(forRating: 4) == .positive)
        #expect(VaderDataset.label(forRating: 0.4999) == .neutral)
        #expect(VaderDataset.label(forRating: 0) == .neutral)
        #expect(VaderDataset.label(forRating: -0.4999) == .neutral)
        #expect(VaderDataset.label(forRating: -0.5) == .negative)
    }

    @Test("LF line ends and a final line end read the same; empty lines are skipped")
    func lineEnds() throws {
        let examples = try VaderDataset.parse(Array("1\t1\ta\n\n2\t-1\tb\n".utf8), file: "g.txt")
        #expect(examples.map(\.id) == ["1", "2"])
        #expect(examples.map(\.text) == ["a", "b"])
    }

    @Test("malformed rows are errors naming the file and line", arguments: [
        ("1\t1\tok\r\n2 1.0 no tabs", 2, "expected ID<TAB>MEAN<TAB>TEXT, found 1 column"),
        ("1\t1\tok\n2\t1.0", 2, "expected ID<TAB>MEAN<TAB>TEXT, found 2 columns"),
        ("ID\tMEAN\tTEXT\n1\t1\tok", 1, "the mean rating 'MEAN' is not a number"),
        ("1\t1\tok\n2\tnan\tx", 2, "the mean rating 'nan' is not a number"),
        ("1\t4.5\tx", 1, "the mean rating 4.5 is outside −4…+4"),
    ])
    func errors(file: String, line: Int, message: String) {
        #expect(throws: EvalDatasetError(file: "g.txt", line: line, message: message)) {
            try VaderDataset.parse(Array(file.utf8), file: "g.txt")
        }
    }

    @Test("invalid UTF-8 is an error naming the line")
    func invalidUTF8() {
        let bytes = Array("1\t1\tok\n2\t1\t".utf8) + [0xFF, 0xFE]
        #expect(throws: EvalDatasetError(file: "g.txt", line: 2, message: "invalid UTF-8")) {
            try VaderDataset.parse(bytes, file: "g.txt")
        }
        #expect(EvalDatasetError(file: "g.txt", line: 2, message: "invalid UTF-8").description == "g.txt:2: invalid UTF-8")
    }
}
