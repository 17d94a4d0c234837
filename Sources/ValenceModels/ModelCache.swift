import Foundation

/// The on-disk layout of downloaded models: `<root>/<owner>--<name>/<revision>/<file>`.
///
/// Every path is built from validated names and checked to stay inside the (standardised) root, so no
/// repository, revision or file name can read, write or delete anything outside it.
public struct ModelCache: Sendable {
    /// The standardised cache root.
    public let root: URL

    /// A cache rooted at `root` (created on first download).
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// The folder of one repository (all its revisions); validates the id first.
    public func repositoryDirectory(repository: String) throws(HubError) -> URL {
        try HubNames.validateRepository(repository)
        let folderName = repository.replacingOccurrences(of: "/", with: "--")
        return try contained(root.appendingPathComponent(folderName, isDirectory: true))
    }

    /// The folder of one revision of a repository; validates both names first.
    public func directory(repository: String, revision: String) throws(HubError) -> URL {
        try HubNames.validateRevision(revision)
        let repositoryFolder = try repositoryDirectory(repository: repository)
        return try contained(repositoryFolder.appendingPathComponent(revision, isDirectory: true))
    }

    /// The location of a file inside a revision folder; validates the path and checks containment.
    public func fileURL(_ path: String, in directory: URL) throws(HubError) -> URL {
        try HubNames.validateFilePath(path)
        let url = try contained(directory.appendingPathComponent(path))
        guard url.path.hasPrefix(directory.standardizedFileURL.path + "/") else { throw .unsafePath(path) }
        return url
    }

    /// The revision folder when the model is completely downloaded, else nil (also for invalid names).
    public func localDirectory(repository: String, revision: String) -> URL? {
        guard let directory = try? directory(repository: repository, revision: revision),
              let marker = readMarker(in: directory),
              marker.repository == repository, marker.revision == revision,
              marker.isSatisfied(in: directory)
        else { return nil }
        return directory
    }

    /// Every revision folder in the cache, sorted by repository then revision. Folders whose names are
    /// not valid cache names are skipped.
    public func list() -> [CachedModel] {
        var models: [CachedModel] = []
        for repositoryFolder in subfolders(of: root) {
            let repository = repositoryFolder.lastPathComponent.replacingOccurrences(of: "--", with: "/")
            // Validation forbids `--` inside a part, so the folder name maps back to exactly one id.
            guard (try? HubNames.validateRepository(repository)) != nil else { continue }
            for revisionFolder in subfolders(of: repositoryFolder) {
                let revision = revisionFolder.lastPathComponent
                guard (try? HubNames.validateRevision(revision)) != nil else { continue }
                models.append(CachedModel(
                    repository: repository,
                    revision: revision,
                    sizeOnDisk: sizeOfRegularFiles(in: revisionFolder),
                    isComplete: localDirectory(repository: repository, revision: revision) != nil
                ))
            }
        }
        return models.sorted { ($0.repository, $0.revision) < ($1.repository, $1.revision) }
    }

    /// Deletes every revision of a repository; returns false when nothing was cached.
    @discardableResult
    public func remove(repository: String) throws(HubError) -> Bool {
        let folder = try repositoryDirectory(repository: repository)
        guard FileManager.default.fileExists(atPath: folder.path) else { return false }
        do {
            try FileManager.default.removeItem(at: folder)
        } catch {
            throw .fileSystem(path: folder.path, reason: "\(error)")
        }
        return true
    }

    /// Deletes the completion marker so the folder no longer counts as complete while it is updated.
    func clearCompletion(in directory: URL) throws(HubError) {
        let marker = directory.appendingPathComponent(CompletionMarker.fileName)
        guard FileManager.default.fileExists(atPath: marker.path) else { return }
        do {
            try FileManager.default.removeItem(at: marker)
        } catch {
            throw .fileSystem(path: marker.path, reason: "\(error)")
        }
    }

    /// Writes the completion marker atomically; call only after every file is verified and in place.
    func markComplete(_ marker: CompletionMarker, in directory: URL) throws(HubError) {
        let url = directory.appendingPathComponent(CompletionMarker.fileName)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(marker).write(to: url, options: .atomic)
        } catch {
            throw .fileSystem(path: url.path, reason: "\(error)")
        }
    }

    private func readMarker(in directory: URL) -> CompletionMarker? {
        let url = directory.appendingPathComponent(CompletionMarker.fileName)
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(CompletionMarker.self, from: data)
    }

    /// Returns the standardised `url` when it lies strictly inside the root, else throws.
    private func contained(_ url: URL) throws(HubError) -> URL {
        let standardized = url.standardizedFileURL
        guard standardized.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") else {
            throw .unsafePath(url.path)
        }
        return standardized
    }

    private func subfolders(of folder: URL) -> [URL] {
        let children = (try? FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey])) ?? []
        return children.filter { child in
            let values = try? child.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            return values?.isDirectory == true && values?.isSymbolicLink != true
        }
    }

    private func sizeOfRegularFiles(in folder: URL) -> Int64 {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else {
            return 0
        }
        var total: Int64 = 0
        for case let file as URL in enumerator {
            let values = try? file.resourceValues(forKeys: Set(keys))
            if values?.isRegularFile == true { total += Int64(values?.fileSize ?? 0) }
        }
        return total
    }
}
