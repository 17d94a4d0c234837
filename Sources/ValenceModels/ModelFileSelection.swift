/// Which files of a hub repository make a usable model.
public enum ModelFileSelection {
    /// Files without which the engine cannot load the model.
    public static let requiredFiles = ["config.json", "tokenizer.json", "model.safetensors"]
    /// Files downloaded when the repository has them.
    public static let optionalFiles = ["tokenizer_config.json", "special_tokens_map.json"]

    /// The files to download from a listing, in a stable order (small files first, weights last).
    ///
    /// Throws `HubError.unsafePath` when any entry tries path traversal (the hub is not trusted),
    /// `.invalidListing` for malformed sizes or checksums of selected files, and `.missingRequiredFiles`
    /// when the repository is not a usable model.
    public static func files(
        from listing: [HubFileEntry], repository: String, revision: String
    ) throws(HubError) -> [HubFile] {
        if let unsafe = listing.first(where: { HubNames.isTraversalAttempt($0.path) }) {
            throw .unsafePath(unsafe.path)
        }
        let files = listing.filter { $0.type == "file" }
        let missing = requiredFiles.filter { name in !files.contains { $0.path == name } }
        guard missing.isEmpty else {
            throw .missingRequiredFiles(repository: repository, revision: revision, files: missing)
        }
        var selected: [HubFile] = []
        for name in optionalFiles + requiredFiles {
            guard let entry = files.first(where: { $0.path == name }) else { continue }
            selected.append(try HubFile(entry: entry, repository: repository))
        }
        return selected.sorted { $0.size < $1.size }
    }
}
