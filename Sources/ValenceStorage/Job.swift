import Foundation

/// A batch job as stored, with its item counts.
public struct Job: Sendable, Equatable, Identifiable {
    public var id: UUID
    public var state: JobState
    /// The requested model key; nil means the default model.
    public var model: String?
    public var source: String?
    public var inputFormat: JobInputFormat
    public var textField: String?
    /// The header of an uploaded CSV file (set when the upload is sealed); nil for other inputs.
    public var inputColumns: [String]?
    /// Items may be claimed only once the job is sealed (its upload complete).
    public var isSealed: Bool
    public var maxAttempts: Int
    public var counts: JobCounts
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Why the job failed (how many items failed, the first error), or nil.
    public var error: String?

    public init(id: UUID, state: JobState, model: String?, source: String?, inputFormat: JobInputFormat,
                textField: String?, isSealed: Bool, maxAttempts: Int, counts: JobCounts, createdAt: Date,
                startedAt: Date?, finishedAt: Date?, error: String?, inputColumns: [String]? = nil) {
        self.id = id
        self.state = state
        self.model = model
        self.source = source
        self.inputFormat = inputFormat
        self.textField = textField
        self.inputColumns = inputColumns
        self.isSealed = isSealed
        self.maxAttempts = maxAttempts
        self.counts = counts
        self.createdAt = createdAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.error = error
    }

    /// The settled share of items, 0…1.
    public var progress: Double { counts.progress }
}
