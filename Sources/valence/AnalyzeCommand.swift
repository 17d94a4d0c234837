import ArgumentParser
import Foundation
import ValenceApp
import ValenceCore

/// `valence analyze`: score a JSONL or CSV file, keeping every field of every record.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Add sentiment, confidence, model and scores to each JSONL or CSV record.",
        discussion: "Records are written in input order; progress goes to stderr, records to stdout (or --output)."
    )

    @Option(help: "Model key (vader, or a downloaded distilbert-sentiment, twitter-roberta, bert-multilingual, …).") var model: String?
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout model folder.") var modelDirectory: String?
    @Flag(help: "Add the raw logits (transformer models).") var logits = false
    @Option(name: .customLong("max-length"), help: "Maximum tokens per text (transformer models).") var maxLength: Int?
    @OptionGroup var records: RecordPipelineOptionGroup

    func validate() throws {
        if model != nil, modelDirectory != nil { throw ValidationError("give --model or --model-dir, not both") }
        if let maxLength, maxLength < 2 { throw ValidationError("--max-length must be at least 2") }
    }

    func run() throws {
        try records.run(SentimentAnnotator(scorer: try makeScorer(), includeLogits: logits))
    }

    private func makeScorer() throws -> any BatchScorer {
        switch try LocalModelChoice.resolve(model: model, modelDirectory: modelDirectory) {
        case .vader:
            if logits { throw fail("--logits needs a transformer model; VADER has no logits") }
            return VaderBatchScorer()
        case .folder(let directory, let key):
            return try LocalModelChoice.loadTransformer(directory, key: key, maxLength: maxLength)
        }
    }
}
