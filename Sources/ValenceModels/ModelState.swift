/// The life-cycle state of one registry entry.
public enum ModelState: Sendable, Equatable {
    /// On disk, not loaded.
    case available
    /// A hub model that is not in the cache.
    case notDownloaded
    /// Being downloaded; the progress once the store has reported any.
    case downloading(DownloadProgress?)
    /// A load (or hot swap) is in progress.
    case loading
    /// Loaded and answering.
    case ready
    /// The last download or load failed; the reason says why.
    case failed(reason: String)

    /// The state's name as the management API reports it (snake_case).
    public var name: String {
        switch self {
        case .available: "available"
        case .notDownloaded: "not_downloaded"
        case .downloading: "downloading"
        case .loading: "loading"
        case .ready: "ready"
        case .failed: "failed"
        }
    }
}
