/// A scored item handed to `JobRepository.complete`.
public struct CompletedJobItem: Sendable, Equatable {
    public var key: JobItemKey
    public var result: ScoredText

    public init(key: JobItemKey, result: ScoredText) {
        self.key = key
        self.result = result
    }
}
