/// A validated file to download: a safe path, its exact size and, for LFS files, its SHA-256.
public struct HubFile: Sendable, Equatable {
    /// A path that passed `HubNames.validateFilePath`.
    public var path: String
    /// The exact size the downloaded file must have.
    public var size: Int64
    /// Lowercase hex SHA-256 the content must hash to (LFS files), else nil (size is checked alone).
    public var sha256: String?

    /// Validates a listing entry; throws `HubError.invalidListing` or `.unsafePath` for anything malformed.
    public init(entry: HubFileEntry, repository: String) throws(HubError) {
        try HubNames.validateFilePath(entry.path)
        guard entry.type == "file" else {
            throw .invalidListing(repository: repository, reason: "'\(entry.path)' is a \(entry.type), not a file")
        }
        if let lfs = entry.lfs {
            guard lfs.oid.utf8.count == 64, lfs.oid.allSatisfy(\.isHexDigit) else {
                throw .invalidListing(repository: repository, reason: "'\(entry.path)' has a malformed SHA-256")
            }
            if let size = entry.size, size != lfs.size {
                throw .invalidListing(repository: repository, reason: "'\(entry.path)' lists two different sizes")
            }
        }
        guard let size = entry.lfs?.size ?? entry.size, size >= 0 else {
            throw .invalidListing(repository: repository, reason: "'\(entry.path)' has no valid size")
        }
        self.path = entry.path
        self.size = size
        self.sha256 = entry.lfs?.oid.lowercased()
    }
}
