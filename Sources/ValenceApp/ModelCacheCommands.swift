import Foundation
import Logging
import Synchronization
import ValenceCore
import ValenceModels

/// `valence models list|pull|rm`: the model cache from the command line.
public struct ModelCacheCommands: Sendable {
    let hub: HubConfiguration
    let catalog: ModelCatalog
    let logger: Logger

    public init(configuration: ServeConfiguration, logger: Logger) throws {
        hub = try configuration.hubConfiguration()
        catalog = configuration.catalog
        self.logger = logger
    }

    /// One line per catalog model (key, aliases, repository@revision, whether it is downloaded) and per other
    /// cached repository.
    public func list() -> [String] {
        let cached = ModelCache(root: hub.cacheRoot).list()
        var lines: [String] = []
        var shown: Set<String> = []
        for entry in catalog.entries {
            guard let repository = entry.repository else {
                lines.append("\(entry.key)  built in  ready")
                continue
            }
            let copy = cached.first { $0.repository == repository && $0.revision == entry.revision }
            shown.insert("\(repository)@\(entry.revision)")
            let aliases = entry.aliases.isEmpty ? "" : " (\(entry.aliases.joined(separator: ", ")))"
            lines.append("\(entry.key)\(aliases)  \(repository)@\(entry.revision)  \(Self.state(copy))")
        }
        for copy in cached where !shown.contains("\(copy.repository)@\(copy.revision)") {
            lines.append("-  \(copy.repository)@\(copy.revision)  \(Self.state(copy))")
        }
        return lines
    }

    /// Downloads a catalog key or alias, or any `owner/name[@revision]` repository, into the cache with a progress
    /// bar on stderr; returns the model folder.
    public func pull(_ name: String) async throws -> URL {
        let (repository, revision) = try target(name)
        let store = HubModelStore(configuration: hub, logger: logger)
        let bar = Mutex(ProgressState())
        do {
            let folder = try await store.download(repository: repository, revision: revision) { progress in
                bar.withLock { $0.show(progress) }
            }
            bar.withLock { $0.finish() }
            try await store.shutdown()
            return folder
        } catch {
            bar.withLock { $0.finish() }
            try? await store.shutdown()
            throw error
        }
    }

    /// The cached folder of a model to run locally (`analyze`, `eval`): nil for a built-in model (VADER); a catalog
    /// key's or `owner/name[@revision]`'s downloaded folder; throws `unknownModel`, or `notReady` with the command
    /// that downloads it.
    public func downloadedFolder(_ name: String) throws -> URL? {
        if let entry = catalog.entry(for: name), entry.repository == nil { return nil }
        let (repository, revision) = try target(name)
        guard let folder = ModelCache(root: hub.cacheRoot).localDirectory(repository: repository, revision: revision) else {
            throw ValenceError.notReady("'\(name)' (\(repository)@\(revision)) is not downloaded; run `valence models pull \(name)`")
        }
        return folder
    }

    /// Deletes every cached revision of a catalog key's (or a named) repository; false when nothing was cached.
    public func remove(_ name: String) throws -> Bool {
        let (repository, _) = try target(name)
        return try ModelCache(root: hub.cacheRoot).remove(repository: repository)
    }

    private func target(_ name: String) throws -> (repository: String, revision: String) {
        if let entry = catalog.entry(for: name) {
            guard let repository = entry.repository else { throw ValenceError.invalidInput("'\(entry.key)' is built in; nothing to download") }
            return (repository, entry.revision)
        }
        guard name.contains("/") else {
            throw ValenceError.unknownModel(name)
        }
        let parts = name.split(separator: "@", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "main")
    }

    private static func state(_ copy: CachedModel?) -> String {
        guard let copy else { return "not downloaded" }
        let size = String(format: "%.1f MB", Double(copy.sizeOnDisk) / 1_000_000)
        return copy.isComplete ? "downloaded (\(size))" : "partial (\(size)); pull again to resume"
    }
}

/// The progress bar of one pull: bytes of the whole model, labelled with the file in transfer.
private struct ProgressState {
    var bar: ProgressBar?
    var last: DownloadProgress?

    mutating func show(_ progress: DownloadProgress) {
        if bar == nil { bar = ProgressBar(totalBytes: progress.totalBytes.map(Int.init)) }
        last = progress
        bar?.update(transferred: Int(progress.completedBytes), of: progress.file)
    }

    mutating func finish() {
        if let last { bar?.finishTransfer(Int(last.completedBytes), of: last.file) }
        bar = nil
        last = nil
    }
}
