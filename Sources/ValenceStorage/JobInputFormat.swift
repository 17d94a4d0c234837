/// How a job's texts were submitted.
public enum JobInputFormat: String, Sendable, Codable, CaseIterable {
    /// A JSON array of texts in the request.
    case texts
    /// An uploaded JSON Lines file; each item keeps its original line.
    case jsonl
    /// An uploaded CSV file; each item keeps its original row.
    case csv
}
