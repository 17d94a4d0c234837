import Foundation

/// Identifies one job item: its job and its position.
public struct JobItemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var jobID: UUID
    public var seq: Int

    public init(jobID: UUID, seq: Int) {
        self.jobID = jobID
        self.seq = seq
    }

    public static func < (lhs: JobItemKey, rhs: JobItemKey) -> Bool {
        (lhs.jobID.uuidString, lhs.seq) < (rhs.jobID.uuidString, rhs.seq)
    }

    public var description: String { "\(jobID.uuidString.lowercased())#\(seq)" }
}
