/// The validators of a fetched feed, sent back on the next poll as `If-None-Match` / `If-Modified-Since`
/// so an unchanged feed answers 304 without a body.
public struct HTTPValidators: Sendable, Equatable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }

    /// No validators: the next fetch is unconditional.
    public static let none = HTTPValidators()
}
