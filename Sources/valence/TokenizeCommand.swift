import ArgumentParser
import Foundation
import ValenceApp
import ValenceTokenizers

/// `valence tokenize`: adds the model's `input_ids` to each record (DESIGN.md section 9).
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Add input_ids (special tokens included, truncated) to each JSONL or CSV record.",
        discussion: """
            --model-dir needs only tokenizer.json. Without --max-length the maximum is the truncation \
            length in tokenizer.json, else tokenizer_config.json's model_max_length when sane, else \
            config.json's max_position_embeddings (less RoBERTa's offset of 2), else no limit.
            """
    )

    @Option(name: .customLong("model-dir"), help: "A folder holding tokenizer.json.") var modelDirectory: String
    @Option(name: .customLong("max-length"), help: "Maximum ids per text, special tokens included.") var maxLength: Int?
    @OptionGroup var records: RecordPipelineOptionGroup

    func validate() throws {
        if let maxLength, maxLength < 1 { throw ValidationError("--max-length must be at least 1") }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: modelDirectory, isDirectory: true)
        let tokenizer: Tokenizer
        do {
            tokenizer = try Tokenizer(directory: directory)
        } catch {
            throw fail("--model-dir \(modelDirectory): \(error)")
        }
        let limit = MaxLength.resolve(explicit: maxLength, directory: directory, tokenizer: tokenizer)
        try records.run(TokenIDAnnotator { tokenizer.encode($0, maxLength: limit).ids })
    }
}
