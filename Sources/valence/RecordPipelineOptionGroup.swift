import ArgumentParser
import ValenceApp

extension RecordFormat: ExpressibleByArgument {}

/// The input/output flags `analyze`, `embed` and `tokenize` share.
struct RecordPipelineOptionGroup: ParsableArguments {
    @Option(help: "Input file, or - for stdin.") var input = "-"
    @Option(help: "Output file, or - for stdout.") var output = "-"
    @Option(name: .customLong("text-field"), help: "The field (JSONL) or column (CSV) holding the text.") var textField = "text"
    @Option(help: "Input and output format (default: from the input file's extension, else jsonl).") var format: RecordFormat?
    @Flag(name: .customLong("skip-bad"), help: "Skip malformed records (reported on stderr) instead of stopping.") var skipBad = false
    @Option(name: .customLong("window"), help: "Records processed together (bounds memory).") var windowSize = 1_024

    func validate() throws {
        if windowSize < 1 { throw ValidationError("--window must be at least 1") }
    }

    /// Runs the pipeline with `annotator`, reporting a summary of skipped records; errors exit with status 1.
    func run(_ annotator: any RecordAnnotator) throws {
        var options = RecordPipelineOptions()
        options.input = input
        options.output = output
        options.textField = textField
        options.format = format
        options.skipBad = skipBad
        options.windowSize = windowSize
        do {
            let summary = try RecordPipeline(options: options, annotator: annotator).run()
            if summary.skipped > 0 {
                printError("processed \(summary.records) records; skipped \(summary.skipped) malformed")
            }
        } catch let error as ConfigurationError {
            throw fail(error.description)
        } catch {
            throw fail("\(error)")
        }
    }
}
