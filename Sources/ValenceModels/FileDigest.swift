import Crypto
import Foundation

/// SHA-256 of files on disk, read in chunks so memory stays bounded.
enum FileDigest {
    private static let chunkSize = 1 << 20

    /// The lowercase hex SHA-256 of the file at `url`.
    static func sha256Hex(of url: URL) throws -> String {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw HubError.fileSystem(path: url.path, reason: "\(error)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: chunkSize), !chunk.isEmpty {
                hasher.update(data: chunk)
            }
        } catch {
            throw HubError.fileSystem(path: url.path, reason: "\(error)")
        }
        return hexString(hasher.finalize())
    }

    /// Lowercase hex of a digest's bytes.
    static func hexString(_ digest: SHA256.Digest) -> String {
        digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
