import Foundation

/// A successful (2xx or 304) answer of a source server, body read in full.
struct SourceHTTPResponse: Sendable {
    var status: Int
    /// Header values by lowercase name (the first value of each).
    var headers: [String: String]
    var body: Data

    var notModified: Bool { status == 304 }
}
