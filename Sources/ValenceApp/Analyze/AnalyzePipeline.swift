import Foundation
import ValenceCore

/// Options of `valence analyze`.
public struct AnalyzeOptions: Sendable {
    public var input: String?
    public var output: String?
    public var textField = "text"
    public var format: RecordFormat?
    public var includeLogits = false
    /// Skip malformed records (reported on stderr with their line) instead of stopping at the first.
    public var skipBad = false
    /// Records read, scored and written together; bounds memory.
    public var windowSize = 1_024
    public var showProgress: Bool?

    public init() {}
}

/// What a finished run did.
public struct AnalyzeSummary: Sendable, Equatable {
    public var records: Int
    public var skipped: Int

    public init(records: Int = 0, skipped: Int = 0) {
        self.records = records
        self.skipped = skipped
    }
}

/// Streams records from input to output, scoring them window by window; output keeps input order.
public struct AnalyzePipeline {
    private let options: AnalyzeOptions
    private let scorer: any BatchScorer
    private let report: (String) -> Void

    /// `report` receives one line per skipped record (default: stderr).
    public init(options: AnalyzeOptions, scorer: any BatchScorer,
                report: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.scorer = scorer
        self.report = report
    }

    /// Runs to the end of input. Throws `RecordError` (naming the line) for a bad record unless skipping.
    public func run() throws -> AnalyzeSummary {
        let input = try ByteInput(path: options.input)
        let output = try ByteOutput(path: options.output)
        let format = options.format ?? RecordFormat.inferred(fromPath: options.input)
        let progress = options.showProgress.map { ProgressBar(totalBytes: input.totalBytes, enabled: $0) }
            ?? ProgressBar(totalBytes: input.totalBytes)
        var summary = AnalyzeSummary()

        let readNext: () throws -> InputRecord?
        let write: (InputRecord, AddedFields) throws -> Void
        switch format {
        case .jsonl:
            let reader = try JSONLRecordReader(input: input, textField: options.textField)
            let writer = JSONLRecordWriter(output: output)
            readNext = reader.next
            write = writer.write
        case .csv:
            let reader = try CSVRecordReader(input: input, textField: options.textField)
            let writer = try CSVRecordWriter(output: output, header: reader.header, includeLogits: options.includeLogits)
            readNext = reader.next
            write = writer.write
        }

        var window: [InputRecord] = []
        window.reserveCapacity(options.windowSize)
        var finished = false
        var stoppingError: RecordError?
        while !finished {
            window.removeAll(keepingCapacity: true)
            while window.count < options.windowSize {
                do {
                    guard let record = try readNext() else { finished = true; break }
                    window.append(record)
                } catch let error as RecordError {
                    guard options.skipBad, !error.fatal else {
                        // Records before the bad one are still scored and written; then the run stops.
                        stoppingError = error
                        finished = true
                        break
                    }
                    summary.skipped += 1
                    report("skipped \(error)")
                }
            }
            if window.isEmpty { continue }
            let results = try scorer.score(window.map(\.text))
            for (record, result) in zip(window, results) {
                try write(record, AddedFields(
                    sentiment: result.sentiment.rawValue, confidence: result.confidence, model: scorer.modelName,
                    scores: result.scores.jsonObjectText,
                    logits: options.includeLogits ? result.logits.map(Self.jsonArray) : nil
                ))
            }
            summary.records += window.count
            progress.update(records: summary.records, bytes: input.bytesConsumed)
        }
        try output.finish()
        progress.finish(records: summary.records, bytes: input.bytesConsumed)
        if let stoppingError { throw stoppingError }
        return summary
    }

    static func jsonArray(_ values: [Float]) -> String {
        "[" + values.map(JSONText.number).joined(separator: ",") + "]"
    }
}
