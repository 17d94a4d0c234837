import ArgumentParser
import Foundation
import ValenceApp
import ValenceCore
import ValenceEval

extension EvalDatasetFormat: ExpressibleByArgument {}

/// `valence eval`: a model's accuracy, macro-F1, macro-recall and confusion matrix on a labelled data set, and
/// Pearson r against mean human ratings where the data set has them.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Accuracy, macro-F1, macro-recall, confusion matrix and Pearson r of a model on a labelled data set.",
        discussion: """
        Formats: vader (the VADER paper's ID<TAB>MEAN<TAB>TEXT ground truth; gold label from the mean rating, \
        ±\(VaderDataset.labelThreshold) and beyond), tweeteval (a folder or its *_text.txt with *_labels.txt and \
        mapping.txt), csv (a text column and a label and/or rating column). Progress goes to stderr.
        """
    )

    @Option(help: "Model key (vader, or a downloaded catalog model).") var model: String?
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder.") var modelDirectory: String?
    @Option(help: "The data set: a file, or a TweetEval folder.") var dataset: String
    @Option(help: "Data set format (default: from the path).") var format: EvalDatasetFormat?
    @Option(name: .customLong("batch-size"), help: "Texts per model call.") var batchSize = 64
    @Option(name: .customLong("max-length"), help: "Maximum tokens per text (transformer models).") var maxLength: Int?
    @Flag(help: "Print the report as JSON.") var json = false

    func validate() throws {
        if model != nil, modelDirectory != nil { throw ValidationError("give --model or --model-dir, not both") }
        if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if let maxLength, maxLength < 2 { throw ValidationError("--max-length must be at least 2") }
    }

    func run() async throws {
        let data: EvalDataset
        do {
            data = try EvalDataset.load(path: dataset, format: format)
        } catch {
            throw fail("\(error)")
        }
        let scorer: any SentimentModel = switch try LocalModelChoice.resolve(model: model, modelDirectory: modelDirectory) {
        case .vader: VaderSentimentModel()
        case .folder(let directory, let key): try LocalModelChoice.loadTransformer(directory, key: key, maxLength: maxLength)
        }
        let total = data.examples.count
        let bar = SharedProgressBar(total: total)
        let report: EvalReport
        do {
            report = try await Evaluator.run(model: scorer, examples: data.examples, batchSize: batchSize) { bar.update(done: $0) }
        } catch {
            throw fail("\(error)")
        }
        bar.finish(done: total)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.rendered(), terminator: "")  // the report ends with its own line break
        }
    }
}
