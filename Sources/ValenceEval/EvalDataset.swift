import Foundation

/// An evaluation data set read from disk: its examples, in file order.
public struct EvalDataset: Sendable, Equatable {
    /// The path the data set was read from (for TweetEval, the folder or text file given).
    public var path: String
    /// The layout it was read as.
    public var format: EvalDatasetFormat
    /// The examples in file order; never empty.
    public var examples: [EvalExample]

    public init(path: String, format: EvalDatasetFormat, examples: [EvalExample]) {
        self.path = path
        self.format = format
        self.examples = examples
    }

    /// Reads the data set at `path` as `format`, or as the format the path implies (`EvalDatasetFormat.inferred`).
    /// Throws an `EvalDatasetError` naming the file (and line) for a missing file, malformed input, or no examples.
    public static func load(path: String, format: EvalDatasetFormat? = nil) throws(EvalDatasetError) -> EvalDataset {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EvalDatasetError(file: path, message: "no such file or folder")
        }
        guard let format = format ?? EvalDatasetFormat.inferred(fromPath: path) else {
            throw EvalDatasetError(
                file: path,
                message: "cannot tell the data set format from the name; pass --format vader|tweeteval|csv"
            )
        }
        let examples: [EvalExample]
        switch format {
        case .vader: examples = try VaderDataset.parse(try readBytes(path), file: path)
        case .tweeteval: examples = try TweetEvalDataset.read(path: path)
        case .csv: examples = try CSVDataset.parse(try readBytes(path), file: path)
        }
        guard !examples.isEmpty else {
            throw EvalDatasetError(file: path, message: "the data set has no examples")
        }
        return EvalDataset(path: path, format: format, examples: examples)
    }

    /// The whole file; data sets for evaluation are small (megabytes), so reading at once is the simple choice.
    static func readBytes(_ path: String) throws(EvalDatasetError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw EvalDatasetError(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw EvalDatasetError(file: path, message: "is a folder, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvalDatasetError(file: path, message: "cannot be read")
        }
        return [UInt8](data)
    }
}
