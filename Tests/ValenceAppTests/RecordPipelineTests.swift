import Foundation
import Testing
import ValenceApp
import ValenceCore
import ValenceTestSupport

/// A scorer whose result is a function of the text, so order mistakes show.
struct LengthScorer: BatchScorer {
    let modelName = "length"
    func score(_ texts: [String]) throws -> [Classification] {
        texts.map { text in
            Classification(sentiment: text.count % 2 == 0 ? .positive : .negative, confidence: 0.5,
                           scores: [LabelScore(label: "len", value: Double(text.count))], logits: [Float(text.count)])
        }
    }
}

/// The same scorer, scoring texts independently: the pipeline takes its fused one-pass path.
struct LengthTextScorer: TextScorer {
    let modelName = "length"
    func score(_ text: String) -> Classification { try! LengthScorer().score([text])[0] }
}

/// Runs the pipeline on `input` text and returns stdout-equivalent output, the summary and the reported lines.
func analyze(_ input: String, format: RecordFormat? = nil, fileExtension: String = "jsonl",
             logits: Bool = false, fused: Bool = false,
             configure: (inout RecordPipelineOptions) -> Void = { _ in }) async throws -> (output: String, summary: RecordPipelineSummary?, reports: [String], error: (any Error)?) {
    try await withTemporaryDirectory { directory in
        let inputPath = directory.appendingPathComponent("in.\(fileExtension)").path
        let outputPath = directory.appendingPathComponent("out").path
        try Data(input.utf8).write(to: URL(fileURLWithPath: inputPath))
        var options = RecordPipelineOptions()
        options.input = inputPath
        options.output = outputPath
        options.format = format
        options.showProgress = false
        configure(&options)
        nonisolated(unsafe) var reports: [String] = []
        var summary: RecordPipelineSummary?
        var thrown: (any Error)?
        do {
            let scorer: any BatchScorer = fused ? LengthTextScorer() : LengthScorer()
            let annotator = SentimentAnnotator(scorer: scorer, includeLogits: logits)
            summary = try RecordPipeline(options: options, annotator: annotator, report: { reports.append($0) }).run()
        } catch {
            thrown = error
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (output, summary, reports, thrown)
    }
}

@Suite("valence analyze pipeline")
struct RecordPipelineTests {
    @Test("JSONL records keep every field byte for byte, with the added fields")
    func jsonlPassThrough() async throws {
        let input = #"{"id": 7, "text": "abcd", "meta": {"x": [1, 2.50]}, "flag": true}"# + "\n"
        let result = try await analyze(input)
        #expect(result.output == #"{"id": 7,"text": "abcd","meta": {"x": [1, 2.50]},"flag": true,"sentiment":"positive","confidence":0.5,"model":"length","scores":{"len":4.0}}"# + "\n")
    }

    @Test("existing output fields are replaced, not duplicated")
    func replacesAddedFields() async throws {
        let result = try await analyze(#"{"sentiment": "old", "text": "abc", "model": 1}"# + "\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["sentiment"] as? String == "negative")
        #expect(object["model"] as? String == "length")
        #expect(result.output.components(separatedBy: "\"sentiment\"").count == 2)
    }

    @Test("output keeps input order across windows; blank lines, CRLF and a BOM are fine", arguments: [false, true])
    func orderAcrossWindows(fused: Bool) async throws {
        var input = "\u{FEFF}"
        for index in 0..<50 { input += #"{"i": \#(index), "text": "\#(String(repeating: "x", count: index))"}"# + "\r\n" }
        input += "\n   \n"
        let result = try await analyze(input, fused: fused) { $0.windowSize = 7 }
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 50)
        for (index, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["i"] as? Int == index)
            #expect((object["scores"] as? [String: Double])?["len"] == Double(index))
        }
        #expect(result.summary?.records == 50)
    }

    @Test("a malformed line stops the run naming the line; earlier records are written", arguments: [false, true])
    func stopsAtBadLine(fused: Bool) async throws {
        let input = #"{"text": "a"}"# + "\n" + #"{"text": "b"}"# + "\n{oops\n" + #"{"text": "c"}"# + "\n"
        let result = try await analyze(input, fused: fused)
        #expect(String(describing: try #require(result.error)).hasPrefix("line 3:"))
        #expect(result.output.split(separator: "\n").count == 2)
    }

    @Test("--skip-bad reports each bad line and goes on", arguments: [
        (#"{"id": 1}"#, "no field 'text'"), (#"{"text": 3}"#, "is not a string"), ("[1,2]", "not a JSON object"),
        (#"{"text": null}"#, "is not a string"),
    ])
    func skipBad(bad: String, message: String) async throws {
        let input = #"{"text": "a"}"# + "\n" + bad + "\n" + #"{"text": "bb"}"# + "\n"
        for fused in [false, true] {
            let result = try await analyze(input, fused: fused) { $0.skipBad = true }
            #expect(result.error == nil)
            #expect(result.summary == RecordPipelineSummary(records: 2, skipped: 1))
            #expect(result.reports.count == 1)
            #expect(result.reports.first?.contains("line 2") == true)
            #expect(result.reports.first?.contains(message) == true)
            #expect(result.output.split(separator: "\n").count == 2)
        }
    }

    @Test("another text field can be named")
    func textField() async throws {
        let result = try await analyze(#"{"body": "abcd", "text": "x"}"# + "\n") { $0.textField = "body" }
        #expect(result.output.contains(#""scores":{"len":4.0}"#))
    }

    @Test("--logits adds the logits array")
    func logits() async throws {
        let result = try await analyze(#"{"text": "abc"}"# + "\n", logits: true)
        #expect(result.output.contains(#""logits":[3.0]"#))
    }

    @Test("CSV in, CSV out: quoting, embedded newlines, all columns kept")
    func csv() async throws {
        let input = "id,text,note\n1,\"hello, \"\"you\"\"\",x\n2,\"two\nlines\",\n"
        let result = try await analyze(input, fileExtension: "csv")
        #expect(result.error == nil)
        let expected = "id,text,note,sentiment,confidence,model,scores\n"
            + #"1,"hello, ""you""",x,positive,0.5,length,"{""len"":12.0}""# + "\n"
            + "2,\"two\nlines\",,negative,0.5,length,\"{\"\"len\"\":9.0}\"\n"
        #expect(result.output == expected)
    }

    @Test("CSV problems name their line", arguments: [
        ("id,body\n1,x\n", "no column 'text'"),
        ("id,text\n1,a\n2,b,c\n", "line 3: expected 2 fields, found 3"),
        ("id,text\n1,\"open\n", "unterminated quoted field"),
        ("", "empty"),
    ])
    func csvErrors(input: String, message: String) async throws {
        let result = try await analyze(input, format: .csv)
        #expect(String(describing: try #require(result.error)).contains(message))
    }

    @Test("an empty JSONL input writes nothing and succeeds")
    func emptyInput() async throws {
        let result = try await analyze("")
        #expect(result.error == nil)
        #expect(result.output.isEmpty)
        #expect(result.summary?.records == 0)
    }
}
