import Testing
@testable import ValenceEval

@Suite("Data set loading")
struct EvalDatasetTests {
    @Test("the format follows from the path", arguments: [
        ("data/val_text.txt", EvalDatasetFormat.tweeteval),
        ("data/tweets_GroundTruth.txt", .vader),
        ("data/ratings.TSV", .vader),
        ("data/reviews.csv", .csv),
        ("data/Reviews.CSV", .csv),
    ])
    func inference(path: String, format: EvalDatasetFormat) {
        #expect(EvalDatasetFormat.inferred(fromPath: path) == format)
    }

    @Test("a folder is TweetEval; an unknown extension implies nothing")
    func inferenceOther() throws {
        try TestFiles.withTemporaryFolder { folder in
            #expect(EvalDatasetFormat.inferred(fromPath: folder) == .tweeteval)
        }
        #expect(EvalDatasetFormat.inferred(fromPath: "data/reviews.jsonl") == nil)
    }

    @Test("load reads a file in the inferred or the given format")
    func load() throws {
        try TestFiles.withTemporaryFolder { folder in
            let vader = try TestFiles.write("7\t-1.2\tbad\r\n8\t0\tok", to: "g.txt", in: folder)
            let dataset = try EvalDataset.load(path: vader)
            #expect(dataset == EvalDataset(path: vader, format: .vader, examples: [
                EvalExample(id: "7", text: "bad", label: .negative, rating: -1.2),
                EvalExample(id: "8", text: "ok", label: .neutral, rating: 0),
            ]))
            let csv = try TestFiles.write("text,label\nfine,positive\n", to: "d.data", in: folder)
            #expect(try EvalDataset.load(path: csv, format: .csv).examples.map(\.label) == [.positive])
        }
    }

    @Test("missing files, unknown formats and empty data sets are errors naming the file")
    func errors() throws {
        try TestFiles.withTemporaryFolder { folder in
            let missing = folder + "/nope.txt"
            #expect(throws: EvalDatasetError(file: missing, message: "no such file or folder")) {
                try EvalDataset.load(path: missing)
            }
            let unknown = try TestFiles.write("x", to: "d.jsonl", in: folder)
            #expect(throws: EvalDatasetError(
                file: unknown, message: "cannot tell the data set format from the name; pass --format vader|tweeteval|csv"
            )) { try EvalDataset.load(path: unknown) }
            let headerOnly = try TestFiles.write("text,label\r\n", to: "d.csv", in: folder)
            #expect(throws: EvalDatasetError(file: headerOnly, message: "the data set has no examples")) {
                try EvalDataset.load(path: headerOnly)
            }
            let empty = try TestFiles.write("", to: "g.txt", in: folder)
            #expect(throws: EvalDatasetError(file: empty, message: "the data set has no examples")) {
                try EvalDataset.load(path: empty)
            }
            #expect(throws: EvalDatasetError(file: folder, message: "is a folder, not a file")) {
                try EvalDataset.load(path: folder, format: .vader)
            }
        }
    }
}
