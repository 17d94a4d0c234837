/// One entry of the hub's tree listing: `GET {endpoint}/api/models/{repo}/tree/{revision}`.
public struct HubFileEntry: Sendable, Equatable, Decodable {
    /// Large-file storage details: the SHA-256 and size of the real content.
    public struct LargeFile: Sendable, Equatable, Decodable {
        public var oid: String
        public var size: Int64

        public init(oid: String, size: Int64) {
            self.oid = oid
            self.size = size
        }
    }

    /// `file` or `directory`.
    public var type: String
    /// The path inside the repository.
    public var path: String
    /// The size in bytes (the content size for large files).
    public var size: Int64?
    /// The git object id.
    public var oid: String?
    /// Present for files stored through Git LFS.
    public var lfs: LargeFile?

    public init(type: String, path: String, size: Int64?, oid: String?, lfs: LargeFile?) {
        self.type = type
        self.path = path
        self.size = size
        self.oid = oid
        self.lfs = lfs
    }
}
