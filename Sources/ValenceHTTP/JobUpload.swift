import NIOCore
import ValenceStorage

/// A job's input file streamed in: bytes go in as they arrive, job items come out.
protocol JobUpload {
    var format: JobInputFormat { get }
    /// Items produced so far.
    var count: Int { get }
    /// The CSV header's column names; nil for other formats.
    var columns: [String]? { get }
    /// The items completed by `buffer`; throws `ValenceError.invalidInput` naming the offending line.
    mutating func consume(_ buffer: ByteBuffer) throws -> [NewJobItem]
    /// The items left at the end of the upload.
    mutating func finish() throws -> [NewJobItem]
}
