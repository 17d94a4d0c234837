#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif
import Foundation

/// An exclusive, non-blocking advisory lock (`flock`) on a revision folder, so two pulls of the same
/// model — in this process or another — never write the same partial files.
final class DownloadLock {
    static let fileName = ".download.lock"
    private var descriptor: Int32

    /// Takes the lock in `directory`; throws `HubError.downloadInProgress` when someone else holds it.
    init(directory: URL, repository: String, revision: String) throws {
        let path = directory.appendingPathComponent(Self.fileName).path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw HubError.fileSystem(path: path, reason: "cannot open the lock file (errno \(errno))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            descriptor = -1
            throw HubError.downloadInProgress(repository: repository, revision: revision)
        }
    }

    deinit {
        release()
    }

    /// Releases the lock; safe to call more than once.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
