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

    /// The id of the prediction stored for this item, derived from the key so that an item scored twice after a
    /// worker crash is stored once in `predictions` too (inserts ignore a known id). UUID version 8 layout: the
    /// first half hashes the job id (SHA-256), the second holds `seq`, so one job's ids ascend with `seq` and its
    /// predictions append to the primary-key index instead of landing on random pages.
    public var predictionID: UUID {
        var bytes = Array(SHA256.hash(data: Array("valence-job:\(jobID.uuidString.lowercased())".utf8)).prefix(8))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8
        let position = UInt64(max(0, seq)) & 0x3FFF_FFFF_FFFF_FFFF
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: position >> (56 - 8 * $0)) }
        bytes[8] |= 0x80  // RFC 9562 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    public static func < (lhs: JobItemKey, rhs: JobItemKey) -> Bool {
        (lhs.jobID.uuidString, lhs.seq) < (rhs.jobID.uuidString, rhs.seq)
    }

    public var description: String { "\(jobID.uuidString.lowercased())#\(seq)" }
}
