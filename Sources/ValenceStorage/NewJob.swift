import Foundation

/// What `JobRepository.createJob` needs to accept a batch job.
public struct NewJob: Sendable, Equatable {
    public var id: UUID
    /// The model key; nil means the default model.
    public var model: String?
    /// A label stored with every prediction (e.g. `survey-2025`).
    public var source: String?
    public var inputFormat: JobInputFormat
    /// The column (CSV) or field (JSONL) holding the text; nil for `.texts`.
    public var textField: String?
    /// How many times an item may be claimed before a transient failure fails it for good.
    public var maxAttempts: Int
    public var createdAt: Date

    public init(id: UUID = UUID(), model: String? = nil, source: String? = nil, inputFormat: JobInputFormat = .texts,
                textField: String? = nil, maxAttempts: Int = 5, createdAt: Date = Date()) {
        self.id = id
        self.model = model
        self.source = source
        self.inputFormat = inputFormat
        self.textField = textField
        self.maxAttempts = maxAttempts
        self.createdAt = createdAt
    }
}
