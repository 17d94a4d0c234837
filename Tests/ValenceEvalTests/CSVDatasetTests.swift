import Testing
import ValenceCore
@testable import ValenceEval

@Suite("CSV reader")
struct CSVDatasetTests {
    @Test("quoted fields with commas, quotes and line breaks (kept as written); CRLF; BOM; extra columns ignored")
    func quirks() throws {
        let file = "\u{FEFF}id,Text,source, Label ,rating\r\n"
            + "a1,\"Loved it, truly\",web,positive,3.5\r\n"
            + "a2,\"two\r\nlines, \"\"quoted\"\"\",app,NEGATIVE,\r\n"
            + "a3,plain  ,web,1,-0.25"
        let examples = try CSVDataset.parse(Array(file.utf8), file: "d.csv")
        #expect(examples == [
            EvalExample(id: "a1", text: "Loved it, truly", label: .positive, rating: 3.5),
            EvalExample(id: "a2", text: "two\r\nlines, \"quoted\"", label: .negative, rating: nil),
            EvalExample(id: "a3", text: "plain  ", label: .neutral, rating: -0.25),
        ])
    }

    @Test("without an id column the id is the row's line; rating-only and label-only files")
    func optionalColumns() throws {
        let rated = try CSVDataset.parse(Array("text,rating\n\"a\nb\",1\nc,2\n".utf8), file: "d.csv")
        #expect(rated == [
            EvalExample(id: "2", text: "a\nb", label: nil, rating: 1),
            EvalExample(id: "4", text: "c", label: nil, rating: 2),
        ])
        let labelled = try CSVDataset.parse(Array("label,text\n0,x\n2,y\n,z\n".utf8), file: "d.csv")
        #expect(labelled.map(\.label) == [.negative, .positive, nil])
        #expect(labelled.map(\.rating) == [nil, nil, nil])
    }

    @Test("gold label names and integers")
    func goldLabels() {
        #expect(CSVDataset.goldLabel("0") == .negative)
        #expect(CSVDataset.goldLabel(" 1 ") == .neutral)
        #expect(CSVDataset.goldLabel("2") == .positive)
        #expect(CSVDataset.goldLabel("Positive") == .positive)
        #expect(CSVDataset.goldLabel("neg") == .negative)
        #expect(CSVDataset.goldLabel("LABEL_1") == .neutral)
        #expect(CSVDataset.goldLabel("3") == nil)
        #expect(CSVDataset.goldLabel("mixed") == nil)
    }

    @Test("bad input is an error naming the line", arguments: [
        ("", 1, "the file is empty; a header row with 'text' and 'label' and/or 'rating' is expected"),
        ("body,label\nx,0\n", 1, "the header has no 'text' column (columns: body, label)"),
        ("\n\ntext,score\nx,0\n", 3, "the header needs a 'label' or 'rating' column (columns: text, score)"),
        ("text,label\nx,0\ny\n", 3, "expected 2 fields, found 1"),
        ("text,label\nx,0\ny,happy\n", 3, "the label 'happy' is not negative, neutral, positive or 0, 1, 2"),
        ("text,rating\n\"x\ny\",1.5\nz,high\n", 4, "the rating 'high' is not a number"),
        ("text,rating\nz,inf\n", 2, "the rating 'inf' is not a number"),
        ("text,label\n\"x,0\n", 2, "unterminated quoted field"),
    ])
    func errors(file: String, line: Int, message: String) {
        #expect(throws: EvalDatasetError(file: "d.csv", line: line, message: message)) {
            try CSVDataset.parse(Array(file.utf8), file: "d.csv")
        }
    }
}
