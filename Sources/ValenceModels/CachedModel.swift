/// One downloaded (or partly downloaded) revision of a hub repository in the model cache.
public struct CachedModel: Sendable, Equatable {
    /// The hub repository id, `owner/name` or `name`.
    public var repository: String
    /// The revision the files were pulled from.
    public var revision: String
    /// Bytes of all regular files in the revision folder, partial downloads included.
    public var sizeOnDisk: Int64
    /// True when every file was verified and the completion marker was written.
    public var isComplete: Bool

    public init(repository: String, revision: String, sizeOnDisk: Int64, isComplete: Bool) {
        self.repository = repository
        self.revision = revision
        self.sizeOnDisk = sizeOnDisk
        self.isComplete = isComplete
    }
}
