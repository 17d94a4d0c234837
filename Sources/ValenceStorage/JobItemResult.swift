import ValenceCore

/// One item of a job as read back for the results download, in `seq` order.
public struct JobItemResult: Sendable, Equatable {
    public var seq: Int
    public var text: String
    /// The original JSONL line or CSV row, or nil for `.texts` jobs.
    public var inputRecord: String?
    public var state: JobItemState
    /// The result, when `state` is `.done`.
    public var result: ScoredText?
    /// The scores exactly as stored: a JSON object text in label order (for pass-through), when done.
    public var scoresJSON: String?
    /// Why the item failed (or last failed, for a retried item).
    public var error: String?

    public init(seq: Int, text: String, inputRecord: String?, state: JobItemState, result: ScoredText?,
                scoresJSON: String?, error: String?) {
        self.seq = seq
        self.text = text
        self.inputRecord = inputRecord
        self.state = state
        self.result = result
        self.scoresJSON = scoresJSON
        self.error = error
    }
}
