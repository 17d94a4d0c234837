/// How many predictions one time window holds, and how many of them match a condition (negative, fallback …).
public struct WindowCount: Sendable, Equatable {
    public var total: Int
    public var matching: Int

    public init(total: Int, matching: Int) {
        self.total = total
        self.matching = matching
    }

    /// `matching / total`, or nil for an empty window.
    public var share: Double? {
        total > 0 ? Double(matching) / Double(total) : nil
    }
}
