import Crypto
import Foundation

/// A download in progress, kept as `<name>.incomplete` beside its final name.
///
/// Bytes are appended as they arrive (bounded memory) and hashed on the way; the file takes its final
/// name only through `commit()`, after the caller verified size and checksum, so a half-written file is
/// never visible under the real name.
final class PartialFile {
    /// The suffix marking an unfinished download.
    static let suffix = ".incomplete"
    private static let readChunkSize = 1 << 20

    let url: URL
    let finalURL: URL
    private let handle: FileHandle
    private let hashing: Bool
    private var hasher = SHA256()
    /// Bytes currently in the partial file.
    private(set) var length: Int64 = 0

    /// Opens (or creates) the partial file for `finalURL`; an existing one is kept for resuming and, when
    /// hashing, its bytes are hashed first.
    init(finalURL: URL, hashing: Bool) throws {
        self.finalURL = finalURL
        self.url = URL(fileURLWithPath: finalURL.path + Self.suffix)
        self.hashing = hashing
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw HubError.fileSystem(path: url.path, reason: "cannot create the file")
            }
        }
        do {
            handle = try FileHandle(forUpdating: url)
        } catch {
            throw HubError.fileSystem(path: url.path, reason: "\(error)")
        }
        try performing { try hashExistingContent() }
    }

    deinit {
        try? handle.close()
    }

    /// Appends bytes received from the hub.
    func append(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        try performing {
            try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base),
                                              count: bytes.count, deallocator: .none))
        }
        if hashing { hasher.update(bufferPointer: bytes) }
        length += Int64(bytes.count)
    }

    /// Empties the file to download it again from the first byte.
    func restart() throws {
        try performing {
            try handle.truncate(atOffset: 0)
            try handle.seek(toOffset: 0)
        }
        hasher = SHA256()
        length = 0
    }

    /// The lowercase hex SHA-256 of the bytes so far (only meaningful when hashing).
    func sha256Hex() -> String {
        FileDigest.hexString(hasher.finalize())
    }

    /// Flushes the file and gives it its final name (replacing an older file of that name atomically).
    func commit() throws {
        try performing {
            try handle.synchronize()
            try handle.close()
        }
        guard rename(url.path, finalURL.path) == 0 else {
            throw HubError.fileSystem(path: finalURL.path, reason: "cannot rename the finished download (errno \(errno))")
        }
    }

    /// Deletes the partial file (after a failed verification).
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }

    private func hashExistingContent() throws {
        length = Int64(try handle.seekToEnd())
        guard hashing, length > 0 else { return }
        try handle.seek(toOffset: 0)
        while let chunk = try handle.read(upToCount: Self.readChunkSize), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        try handle.seek(toOffset: UInt64(length))
    }

    private func performing(_ operation: () throws -> Void) throws {
        do {
            try operation()
        } catch let error as HubError {
            throw error
        } catch {
            throw HubError.fileSystem(path: url.path, reason: "\(error)")
        }
    }
}
