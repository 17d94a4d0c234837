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
        let progress = options.showProgress.map { ProgressBar(totalBytes: input.totalBytes, enabled: $0) }
            ?? ProgressBar(totalBytes: input.totalBytes)
        var run = WindowedRun(options: options, annotator: annotator, output: output, report: report)
        switch options.format ?? RecordFormat.inferred(fromPath: options.input) {
        case .jsonl:
            // Reading lines is serial; parsing and formatting run on all cores.
            let reader = try JSONLRecordReader(input: input, textField: options.textField)
            let formatter = JSONLRecordFormatter(fieldNames: annotator.fieldNames)
            try run.process(next: reader.nextLine, parse: reader.parse, format: formatter.format) {
                progress.update(records: $0, bytes: input.bytesConsumed)
            }
        case .csv:
            let reader = try CSVRecordReader(input: input, textField: options.textField)
            let formatter = CSVRecordFormatter(inputHeader: reader.header, fieldNames: annotator.fieldNames)
            try output.write(formatter.header)
            try run.process(next: reader.next, parse: { $0 }, format: formatter.format) {
                progress.update(records: $0, bytes: input.bytesConsumed)
            }
        }
        try output.finish()
        progress.finish(records: run.summary.records, bytes: input.bytesConsumed)
        if let stoppingError = run.stoppingError { throw stoppingError }
        return run.summary
    }
}

/// The window loop: read a window serially, parse it in parallel, handle bad records in order,
/// annotate, format in parallel, write in order.
private struct WindowedRun {
    let options: RecordPipelineOptions
    let annotator: any RecordAnnotator
    let output: ByteOutput
    let report: (String) -> Void
    var summary = RecordPipelineSummary()
    var stoppingError: RecordError?

    mutating func process<Raw>(
        next: () throws -> Raw?,
        parse: (Raw) -> Result<InputRecord, RecordError>,
        format: (InputRecord, [FieldValue]) -> [UInt8],
        progress: (Int) -> Void
    ) throws {
        var raws: [Raw] = []
        raws.reserveCapacity(options.windowSize)
        while stoppingError == nil {
            raws.removeAll(keepingCapacity: true)
            var streamError: RecordError?
            do {
                while raws.count < options.windowSize, let raw = try next() { raws.append(raw) }
            } catch let error as RecordError {
                streamError = error  // the stream itself is broken (e.g. an unterminated CSV quote)
            }
            let lines: [[UInt8]]
            if let perText = annotator.perText {
                // One parallel pass: parse, annotate and format each record.
                lines = usable(Parallel.map(raws.count, grain: 128) { index in
                    parse(raws[index]).map { format($0, perText($0.text)) }
                })
            } else {
                let window = usable(Parallel.map(raws.count, grain: 128) { parse(raws[$0]) })
                let annotations = window.isEmpty ? [] : try annotator.annotate(window.map(\.text))
                lines = Parallel.map(window.count, grain: 128) { format(window[$0], annotations[$0]) }
            }
            for line in lines { try output.write(line) }
            summary.records += lines.count
            progress(summary.records)
            stoppingError = stoppingError ?? streamError
            if raws.count < options.windowSize { return }
        }
    }

    /// The records up to the first one that stops the run; skippable bad records are counted and reported.
    /// Records before a bad one are still written; then the run stops.
    private mutating func usable<T>(_ results: [Result<T, RecordError>]) -> [T] {
        var kept: [T] = []
        kept.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .success(let value):
                kept.append(value)
            case .failure(let error) where options.skipBad && !error.fatal:
                summary.skipped += 1
                report("skipped \(error)")
            case .failure(let error):
                stoppingError = error
                return kept
            }
        }
        return kept
    }
}
