import Foundation

/// Where hub models live on disk: the model cache, implemented by the hub downloader.
public protocol ModelStore: Sendable {
    /// The local folder of a hub model when completely downloaded, else nil.
    func localDirectory(repository: String, revision: String) -> URL?
    /// Downloads (resumable) and returns the folder; reports progress.
    func download(
        repository: String,
        revision: String,
        progress: @escaping @Sendable (DownloadProgress) -> Void
    ) async throws -> URL
}
