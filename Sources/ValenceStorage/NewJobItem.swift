/// One text of a job as submitted. `seq` is its 0-based position in the input; appending an item whose `seq`
/// is already stored does nothing, so a retried batch of an upload is stored once.
public struct NewJobItem: Sendable, Equatable {
    public var seq: Int
    public var text: String
    /// The original JSONL line or CSV row, passed through to the results; nil for `.texts` jobs.
    public var inputRecord: String?

    public init(seq: Int, text: String, inputRecord: String? = nil) {
        self.seq = seq
        self.text = text
        self.inputRecord = inputRecord
    }
}
