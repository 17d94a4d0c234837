import Testing
import ValenceCore
@testable import ValenceEval

@Suite("TweetEval reader")
struct TweetEvalDatasetTests {
    static let mapping = "0\tnegative\n1\tneutral\n2\tpositive\n"

    @Test("reads a folder: texts keep trailing spaces, labels through mapping.txt, ids are 0-based lines")
    func folder() throws {
        try TestFiles.withTemporaryFolder { folder in
            try TestFiles.write("good day \n@user meh \nawful \n", to: "val_text.txt", in: folder)
            try TestFiles.write("2\n1\n0\n", to: "val_labels.txt", in: folder)
            try TestFiles.write(Self.mapping, to: "mapping.txt", in: folder)
            let dataset = try EvalDataset.load(path: folder)
            #expect(dataset.format == .tweeteval)
            #expect(dataset.examples == [
                EvalExample(id: "0", text: "good day ", label: .positive, rating: nil),
                EvalExample(id: "1", text: "@user meh ", label: .neutral, rating: nil),
                EvalExample(id: "2", text: "awful ", label: .negative, rating: nil),
            ])
            let byText = try EvalDataset.load(path: folder + "/val_text.txt")
            #expect(byText.format == .tweeteval)
            #expect(byText.examples == dataset.examples)
        }
    }

    @Test("no final line end, CRLF labels and other label names (mapped like classifier labels)")
    func quirks() throws {
        let files = TweetEvalDataset.Files(text: "t_text.txt", labels: "t_labels.txt", mapping: "mapping.txt")
        let examples = try TweetEvalDataset.parse(
            text: Array("a\tb \nc".utf8),
            labels: Array("1\r\n0".utf8),
            mapping: Array("0\tnot_irony\r\n1\tirony".utf8),
            files: files
        )
        #expect(examples == [
            EvalExample(id: "0", text: "a\tb ", label: Sentiment(rawValue: "irony"), rating: nil),
            EvalExample(id: "1", text: "c", label: Sentiment(rawValue: "not_irony"), rating: nil),
        ])
    }

    @Test("an empty text line is an example, so texts and labels stay aligned")
    func emptyText() throws {
        let files = TweetEvalDataset.Files(text: "t_text.txt", labels: "t_labels.txt", mapping: "mapping.txt")
        let examples = try TweetEvalDataset.parse(
            text: Array("a\n\nc\n".utf8), labels: Array("0\n1\n2\n".utf8), mapping: Array(Self.mapping.utf8), files: files
        )
        #expect(examples.map(\.text) == ["a", "", "c"])
        #expect(examples.map(\.label) == [.negative, .neutral, .positive])
    }

    @Test("line counts must agree, labels must be mapped, mapping lines well-formed")
    func errors() throws {
        let files = TweetEvalDataset.Files(text: "t_text.txt", labels: "t_labels.txt", mapping: "mapping.txt")
        func parse(_ text: String, _ labels: String, _ mapping: String = Self.mapping) throws {
            _ = try TweetEvalDataset.parse(text: Array(text.utf8), labels: Array(labels.utf8), mapping: Array(mapping.utf8), files: files)
        }
        #expect(throws: EvalDatasetError(
            file: "t_labels.txt",
            message: "has 1 labels but t_text.txt has 2 texts; the files must align line by line"
        )) { try parse("a\nb\n", "0\n") }
        #expect(throws: EvalDatasetError(
            file: "t_labels.txt", line: 2, message: "the label '7' is not in mapping.txt (ids: 0, 1, 2)"
        )) { try parse("a\nb\n", "0\n7\n") }
        #expect(throws: EvalDatasetError(file: "mapping.txt", line: 2, message: "expected id<TAB>name")) {
            try parse("a\n", "0\n", "0\tnegative\n1 neutral\n")
        }
        #expect(throws: EvalDatasetError(file: "mapping.txt", line: 2, message: "the id '0' is mapped twice")) {
            try parse("a\n", "0\n", "0\tnegative\n0\tpositive\n")
        }
        #expect(throws: EvalDatasetError(file: "mapping.txt", message: "maps no labels")) { try parse("a\n", "0\n", "") }
    }

    @Test("a folder needs exactly one *_text.txt, and its labels and mapping files")
    func locating() throws {
        try TestFiles.withTemporaryFolder { folder in
            #expect(throws: EvalDatasetError(
                file: folder,
                message: "a TweetEval folder must hold exactly one *_text.txt (found none); name the text file instead"
            )) { try EvalDataset.load(path: folder) }
            try TestFiles.write("a\n", to: "train_text.txt", in: folder)
            try TestFiles.write("b\n", to: "val_text.txt", in: folder)
            #expect(throws: EvalDatasetError(
                file: folder,
                message: "a TweetEval folder must hold exactly one *_text.txt (found train_text.txt, val_text.txt); name the text file instead"
            )) { try EvalDataset.load(path: folder) }
            #expect(throws: EvalDatasetError(file: folder + "/val_labels.txt", message: "no such file")) {
                try EvalDataset.load(path: folder + "/val_text.txt")
            }
            try TestFiles.write("0\n", to: "val_labels.txt", in: folder)
            #expect(throws: EvalDatasetError(file: folder + "/mapping.txt", message: "no such file")) {
                try EvalDataset.load(path: folder + "/val_text.txt")
            }
            let other = try TestFiles.write("x", to: "tweets.txt", in: folder)
            #expect(throws: EvalDatasetError(file: other, message: "a TweetEval data set is a folder or a *_text.txt file")) {
                try EvalDataset.load(path: other, format: .tweeteval)
            }
        }
    }
}
