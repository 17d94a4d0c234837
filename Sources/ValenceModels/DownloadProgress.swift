/// How far a model download has come.
public struct DownloadProgress: Sendable, Equatable, Codable {
    /// Bytes on disk so far, over all files of the model.
    public var completedBytes: Int64
    /// The total size, when the hub has told it.
    public var totalBytes: Int64?
    /// The file being downloaded now (e.g. `model.safetensors`).
    public var file: String

    enum CodingKeys: String, CodingKey {
        case completedBytes = "completed_bytes", totalBytes = "total_bytes", file
    }

    public init(completedBytes: Int64, totalBytes: Int64?, file: String) {
        self.completedBytes = completedBytes
        self.totalBytes = totalBytes
        self.file = file
    }

    /// The completed fraction in 0…1, when the total is known and not zero.
    public var fraction: Double? {
        guard let totalBytes, totalBytes > 0 else { return nil }
        return min(1, Double(completedBytes) / Double(totalBytes))
    }
}
