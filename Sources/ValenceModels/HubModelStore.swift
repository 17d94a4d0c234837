import Foundation
import Logging

/// The `ModelStore` backed by a HuggingFace-compatible hub and the on-disk `ModelCache`.
///
/// A pull validates the names (before any request), lists the revision, downloads the model's files one
/// by one (each resumable and verified) and writes the completion marker last. Offline mode only answers
/// from the cache. Owns an HTTP client: call `shutdown()` when done.
public final class HubModelStore: ModelStore {
    public let configuration: HubConfiguration
    public let cache: ModelCache
    private let downloader: HubDownloader
    private let logger: Logger

    /// A store for `configuration`, logging through `logger`.
    public init(configuration: HubConfiguration, logger: Logger) {
        self.configuration = configuration
        self.cache = ModelCache(root: configuration.cacheRoot)
        self.downloader = HubDownloader(configuration: configuration, logger: logger)
        self.logger = logger
    }

    /// Closes the HTTP client's connections.
    public func shutdown() async throws {
        try await downloader.shutdown()
    }

    /// The revision folder when the model is completely downloaded, else nil.
    public func localDirectory(repository: String, revision: String) -> URL? {
        cache.localDirectory(repository: repository, revision: revision)
    }

    /// Returns the cached folder, or downloads the model into it; `progress` gets whole-model byte counts
    /// (files already on disk included) and the file being transferred.
    public func download(
        repository: String, revision: String,
        progress: @escaping @Sendable (DownloadProgress) -> Void
    ) async throws -> URL {
        let directory = try cache.directory(repository: repository, revision: revision)
        if let complete = cache.localDirectory(repository: repository, revision: revision) {
            return complete
        }
        guard !configuration.offline else {
            throw HubError.offlineNotCached(repository: repository, revision: revision)
        }
        let listing = try await downloader.listFiles(repository: repository, revision: revision)
        let files = try ModelFileSelection.files(from: listing, repository: repository, revision: revision)
        try createDirectory(directory)
        let lock = try DownloadLock(directory: directory, repository: repository, revision: revision)
        defer { lock.release() }
        try cache.clearCompletion(in: directory)

        var modelLogger = logger
        modelLogger[metadataKey: "model.repository"] = "\(repository)"
        modelLogger[metadataKey: "model.revision"] = "\(revision)"
        modelLogger.info("downloading model", metadata: ["download.files": "\(files.count)"])
        let reporter = ProgressReporter(totalBytes: files.reduce(0) { $0 + $1.size }, report: progress)
        for file in files {
            let destination = try cache.fileURL(file.path, in: directory)
            if try isAlreadyVerified(file, at: destination) {
                reporter.finish(file: file.path, size: file.size)
                continue
            }
            reporter.update(file: file.path, fileBytes: 0, force: true)
            try await downloader.download(file, repository: repository, revision: revision, to: destination) { bytes in
                reporter.update(file: file.path, fileBytes: bytes)
            }
            reporter.finish(file: file.path, size: file.size)
            modelLogger.debug("file verified", metadata: ["download.file": "\(file.path)", "download.bytes": "\(file.size)"])
        }
        let marker = CompletionMarker(
            repository: repository, revision: revision,
            files: files.map { CompletionMarker.File(path: $0.path, size: $0.size) }
        )
        try cache.markComplete(marker, in: directory)
        modelLogger.info("model downloaded", metadata: ["model.directory": "\(directory.path)"])
        return directory
    }

    /// True when a file from an earlier, interrupted pull is already in place with the listed size and
    /// checksum; a stale file is deleted so it is fetched again.
    private func isAlreadyVerified(_ file: HubFile, at url: URL) throws -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = (attributes?[.size] as? NSNumber)?.int64Value else { return false }
        if size == file.size, try file.sha256 == nil || FileDigest.sha256Hex(of: url) == file.sha256 {
            return true
        }
        try? FileManager.default.removeItem(at: url)
        return false
    }

    private func createDirectory(_ directory: URL) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw HubError.fileSystem(path: directory.path, reason: "\(error)")
        }
    }
}
