import Foundation

/// The layouts `valence eval --format` reads.
public enum EvalDatasetFormat: String, Sendable, CaseIterable, Codable {
    /// The VADER paper's ground truth: `ID<TAB>MEAN<TAB>TEXT` per line, the mean rating on −4…+4.
    case vader
    /// TweetEval: `*_text.txt`, `*_labels.txt` and `mapping.txt` side by side in one folder.
    case tweeteval
    /// A CSV file with a header row naming a `text` column and a `label` and/or `rating` column.
    case csv

    /// The format a path implies: a folder or a `*_text.txt` file → tweeteval, `.csv` → csv, `.txt`/`.tsv` → vader
    /// (case-insensitive); nil when the path says nothing.
    public static func inferred(fromPath path: String) -> EvalDatasetFormat? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .tweeteval
        }
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(TweetEvalDataset.textSuffix) { return .tweeteval }
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".txt") || name.hasSuffix(".tsv") { return .vader }
        return nil
    }
}
