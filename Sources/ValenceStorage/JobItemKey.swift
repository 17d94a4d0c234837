import Crypto
import Foundation

/// Identifies one job item: its job and its position.
public struct JobItemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var jobID: UUID
    public var seq: Int

    public init(jobID: UUID, seq: Int) {
        self.jobID = jobID
        self.seq = seq
    }

    /// The id of the prediction stored for this item: derived from the key (SHA-256, UUID version 5 layout), so an
    /// item scored twice after a worker crash is stored once in `predictions` too (inserts ignore a known id).
    public var predictionID: UUID {
        var bytes = Array(SHA256.hash(data: Array("valence-job-item:\(jobID.uuidString.lowercased()):\(seq)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    public static func < (lhs: JobItemKey, rhs: JobItemKey) -> Bool {
        (lhs.jobID.uuidString, lhs.seq) < (rhs.jobID.uuidString, rhs.seq)
    }

    public var description: String { "\(jobID.uuidString.lowercased())#\(seq)" }
}
