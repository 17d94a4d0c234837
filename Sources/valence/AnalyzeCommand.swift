import ArgumentParser
import Foundation
import ValenceApp
import ValenceCore

extension RecordFormat: ExpressibleByArgument {}

/// `valence analyze`: score a JSONL or CSV file, keeping every field of every record.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Add sentiment, confidence, model and scores to each JSONL or CSV record.",
        discussion: "Records are written in input order; progress goes to stderr, records to stdout (or --output)."
    )

    @Option(help: "Model key (vader, distilbert-sentiment, twitter-roberta, bert-multilingual).") var model: String?
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout model folder.") var modelDirectory: String?
    @Option(help: "Input file, or - for stdin.") var input = "-"
    @Option(help: "Output file, or - for stdout.") var output = "-"
    @Option(name: .customLong("text-field"), help: "The field (JSONL) or column (CSV) holding the text.") var textField = "text"
    @Option(help: "Input and output format (default: from the input file's extension, else jsonl).") var format: RecordFormat?
    @Flag(help: "Add the raw logits (transformer models).") var logits = false
    @Option(name: .customLong("max-length"), help: "Maximum tokens per text (transformer models).") var maxLength: Int?
    @Flag(name: .customLong("skip-bad"), help: "Skip malformed records (reported on stderr) instead of stopping.") var skipBad = false
    @Option(name: .customLong("window"), help: "Records scored together (bounds memory).") var windowSize = 1_024

    func validate() throws {
        if model != nil, modelDirectory != nil { throw ValidationError("give --model or --model-dir, not both") }
        if let maxLength, maxLength < 2 { throw ValidationError("--max-length must be at least 2") }
        if windowSize < 1 { throw ValidationError("--window must be at least 1") }
    }

    func run() throws {
        let scorer = try makeScorer()
        var options = AnalyzeOptions()
        options.input = input
        options.output = output
        options.textField = textField
        options.format = format
        options.includeLogits = logits
        options.skipBad = skipBad
        options.windowSize = windowSize
        do {
            let summary = try AnalyzePipeline(options: options, scorer: scorer).run()
            if summary.skipped > 0 {
                FileHandle.standardError.write(Data("analyzed \(summary.records) records; skipped \(summary.skipped) malformed\n".utf8))
            }
        } catch let error as ConfigurationError {
            throw fail(error.description)
        } catch {
            throw fail("\(error)")
        }
    }

    private func makeScorer() throws -> any BatchScorer {
        if let modelDirectory {
            throw fail("--model-dir \(modelDirectory): transformer models are not supported by this build yet; use --model vader")
        }
        let key = model ?? VaderSentimentModel.key
        guard let entry = ModelCatalog().entry(for: key) else {
            throw fail("unknown model '\(key)'; known: \(ModelCatalog().entries.map(\.key).joined(separator: ", "))")
        }
        guard entry.key == VaderSentimentModel.key else {
            throw fail("model '\(entry.key)' is not available in this build yet; use --model vader")
        }
        if logits { throw fail("--logits needs a transformer model; VADER has no logits") }
        return VaderBatchScorer()
    }
}
