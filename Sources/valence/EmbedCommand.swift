import ArgumentParser
import Foundation
import ValenceApp

/// `valence embed`: adds `embedding`, the L2-normalised mean of the last hidden state over unpadded tokens.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Add a sentence embedding (mean-pooled, L2-normalised) to each JSONL or CSV record.",
        discussion: "Works on bare encoders (e.g. a BertModel checkpoint) and on classifiers alike."
    )

    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout model folder.") var modelDirectory: String
    @Option(name: .customLong("max-length"), help: "Maximum tokens per text.") var maxLength: Int?
    @OptionGroup var records: RecordPipelineOptionGroup

    func validate() throws {
        if let maxLength, maxLength < 2 { throw ValidationError("--max-length must be at least 2") }
    }

    func run() throws {
        let model = try LocalModelChoice.loadTransformer(modelDirectory, maxLength: maxLength)
        try records.run(EmbeddingAnnotator(model: model))
    }
}
