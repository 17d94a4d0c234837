import Foundation
import ValenceCore

/// Options shared by `valence analyze`, `embed` and `tokenize`.
public struct RecordPipelineOptions: Sendable {
    public var input: String?
    public var output: String?
    public var textField = "text"
    public var format: RecordFormat?
    /// Skip malformed records (reported on stderr with their line) instead of stopping at the first.
    public var skipBad = false
    /// Records read, scored and written together; bounds memory.
    public var windowSize = 1_024
    public var showProgress: Bool?

    public init() {}
}

/// What a finished run did.
public struct RecordPipelineSummary: Sendable, Equatable {
    public var records: Int
    public var skipped: Int

    public init(records: Int = 0, skipped: Int = 0) {
        self.records = records
        self.skipped = skipped
    }
}

/// Streams records from input to output, annotating them window by window; output keeps input order.
/// Serves `valence analyze`, `embed` and `tokenize`, which differ only in their annotator.
public struct RecordPipeline {
    private let options: RecordPipelineOptions
    private let annotator: any RecordAnnotator
    private let report: (String) -> Void

    /// `report` receives one line per skipped record (default: stderr).
    public init(options: RecordPipelineOptions, annotator: any RecordAnnotator,
                report: @escaping (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }) {
        self.options = options
        self.annotator = annotator
        self.report = report
    }

    /// Runs to the end of input. Throws `RecordError` (naming the line) for a bad record unless skipping.
    public func run() throws -> RecordPipelineSummary {
        let input = try ByteInput(path: options.input)
        let output = try ByteOutput(path: options.output)
        let format = options.format ?? RecordFormat.inferred(fromPath: options.input)
        let progress = options.showProgress.map { ProgressBar(totalBytes: input.totalBytes, enabled: $0) }
            ?? ProgressBar(totalBytes: input.totalBytes)
        var summary = RecordPipelineSummary()

        let readNext: () throws -> InputRecord?
        let write: (InputRecord, [FieldValue]) throws -> Void
        switch format {
        case .jsonl:
            let reader = try JSONLRecordReader(input: input, textField: options.textField)
            let writer = JSONLRecordWriter(output: output, fieldNames: annotator.fieldNames)
            readNext = reader.next
            write = writer.write
        case .csv:
            let reader = try CSVRecordReader(input: input, textField: options.textField)
            let writer = try CSVRecordWriter(output: output, header: reader.header, fieldNames: annotator.fieldNames)
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
            let annotations = try annotator.annotate(window.map(\.text))
            for (record, values) in zip(window, annotations) {
                try write(record, values)
            }
            summary.records += window.count
            progress.update(records: summary.records, bytes: input.bytesConsumed)
        }
        try output.finish()
        progress.finish(records: summary.records, bytes: input.bytesConsumed)
        if let stoppingError { throw stoppingError }
        return summary
    }
}
