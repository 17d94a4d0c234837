import ValenceCore

/// Reads the VADER paper's ground-truth files (`tweets_GroundTruth.txt` and its siblings): one
/// `ID<TAB>MEAN<TAB>TEXT` row per line, CRLF or LF, the last row possibly without a line end. Each line is split on
/// its first two tabs only, so a text keeps any tabs of its own; empty lines are skipped.
public enum VaderDataset {
    /// How far from zero a mean rating must be for a gold label: half a point of the −4…+4 scale.
    /// A mean ≥ +0.5 is positive, ≤ −0.5 negative, anything between neutral.
    public static let labelThreshold = 0.5
    /// The rating scale of the VADER data sets.
    public static let ratingRange: ClosedRange<Double> = -4...4

    /// The gold label of a mean rating (see `labelThreshold`).
    public static func label(forRating rating: Double) -> Sentiment {
        if rating >= labelThreshold { return .positive }
        if rating <= -labelThreshold { return .negative }
        return .neutral
    }

    static func parse(_ bytes: [UInt8], file: String) throws(EvalDatasetError) -> [EvalExample] {
        var examples: [EvalExample] = []
        for line in TextLines.split(bytes) where !line.bytes.isEmpty {
            let columns = line.bytes.split(separator: 0x09, maxSplits: 2, omittingEmptySubsequences: false)
            guard columns.count == 3 else {
                throw EvalDatasetError(
                    file: file, line: line.number,
                    message: "expected ID<TAB>MEAN<TAB>TEXT, found \(columns.count) column\(columns.count == 1 ? "" : "s")"
                )
            }
            let id = try TextLines.text(of: columns[0], line: line.number, file: file)
            let mean = try TextLines.text(of: columns[1], line: line.number, file: file)
            let text = try TextLines.text(of: columns[2], line: line.number, file: file)
            let rating = try Self.rating(mean, file: file, line: line.number)
            examples.append(EvalExample(id: id, text: text, label: label(forRating: rating), rating: rating))
        }
        return examples
    }

    private static func rating(_ field: String, file: String, line: Int) throws(EvalDatasetError) -> Double {
        guard let value = Double(field), value.isFinite else {
            throw EvalDatasetError(file: file, line: line, message: "the mean rating '\(field)' is not a number")
        }
        guard ratingRange.contains(value) else {
            throw EvalDatasetError(file: file, line: line, message: "the mean rating \(field) is outside −4…+4")
        }
        return value
    }
}
