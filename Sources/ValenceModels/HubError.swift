import Foundation

/// Why a hub or model-cache operation failed; every case reads as a sentence for the CLI and logs.
public enum HubError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// `HF_ENDPOINT` is not an http(s) URL with a host.
    case invalidEndpoint(String)
    /// A repository id that is not `owner/name` or `name` of safe characters.
    case invalidRepository(String, reason: String)
    /// A revision that is not a safe branch, tag or commit name.
    case invalidRevision(String, reason: String)
    /// A file path (from the hub or built locally) that could leave its model folder or the cache.
    case unsafePath(String)
    /// The hub listing is not what the tree API returns (bad JSON, sizes or checksums).
    case invalidListing(repository: String, reason: String)
    /// The repository or revision does not exist on the hub.
    case notFound(repository: String, revision: String)
    /// The hub refused access (private or gated repository, or a bad token).
    case accessDenied(repository: String, status: Int)
    /// A listed file was not served.
    case fileNotFound(repository: String, revision: String, file: String)
    /// The repository lacks files a model needs.
    case missingRequiredFiles(repository: String, revision: String, files: [String])
    /// Offline mode is on and the model is not completely in the cache.
    case offlineNotCached(repository: String, revision: String)
    /// A downloaded file's SHA-256 differs from the hub's; the partial file was deleted.
    case checksumMismatch(file: String, expected: String, actual: String)
    /// A downloaded file is larger than the hub listed; the partial file was deleted.
    case sizeMismatch(file: String, expected: Int64, actual: Int64)
    /// The transfer stopped early; the partial file is kept and the next pull resumes it.
    case transferInterrupted(file: String, receivedBytes: Int64, expectedBytes: Int64, reason: String)
    /// A request could not be made or answered (connection refused, timeout …).
    case requestFailed(url: String, reason: String)
    /// The hub answered with a status this client does not handle.
    case unexpectedStatus(url: String, status: Int)
    /// A redirect without a usable http(s) `Location`, or too many of them.
    case invalidRedirect(url: String, reason: String)
    /// Another process or task is downloading the same model right now.
    case downloadInProgress(repository: String, revision: String)
    /// A cache folder or file could not be read or written.
    case fileSystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let endpoint):
            "HF_ENDPOINT '\(endpoint)' is not an http(s) URL with a host"
        case .invalidRepository(let repository, let reason):
            "invalid repository id '\(repository)': \(reason)"
        case .invalidRevision(let revision, let reason):
            "invalid revision '\(revision)': \(reason)"
        case .unsafePath(let path):
            "refusing unsafe path '\(path)': it would leave the model cache"
        case .invalidListing(let repository, let reason):
            "the hub's file listing for \(repository) is invalid: \(reason)"
        case .notFound(let repository, let revision):
            "\(repository) at revision '\(revision)' was not found on the hub"
        case .accessDenied(let repository, let status):
            "the hub denied access to \(repository) (HTTP \(status)): it does not exist, or it is private or gated (set HF_TOKEN)"
        case .fileNotFound(let repository, let revision, let file):
            "\(file) of \(repository)@\(revision) was not found on the hub"
        case .missingRequiredFiles(let repository, let revision, let files):
            "\(repository)@\(revision) is not a usable model: it has no \(files.joined(separator: ", "))"
        case .offlineNotCached(let repository, let revision):
            "offline mode (HF_HUB_OFFLINE) is on and \(repository)@\(revision) is not in the model cache"
        case .checksumMismatch(let file, let expected, let actual):
            "\(file) failed verification: SHA-256 \(actual), expected \(expected); the partial file was deleted"
        case .sizeMismatch(let file, let expected, let actual):
            "\(file) is \(actual) bytes, expected \(expected); the partial file was deleted"
        case .transferInterrupted(let file, let received, let expected, let reason):
            "download of \(file) stopped at \(received) of \(expected) bytes (\(reason)); pull again to resume"
        case .requestFailed(let url, let reason):
            "request to \(url) failed: \(reason)"
        case .unexpectedStatus(let url, let status):
            "the hub answered HTTP \(status) for \(url)"
        case .invalidRedirect(let url, let reason):
            "bad redirect from \(url): \(reason)"
        case .downloadInProgress(let repository, let revision):
            "\(repository)@\(revision) is already being downloaded by another process"
        case .fileSystem(let path, let reason):
            "model cache error at \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
