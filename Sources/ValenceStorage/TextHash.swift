import Crypto

/// The stored fingerprint of a text: lowercase hex SHA-256 of its UTF-8 bytes. PostgreSQL's
/// `encode(sha256(convert_to(text, 'UTF8')), 'hex')` gives the same string, so migrations can backfill in SQL.
public enum TextHash {
    /// The 64-character hex SHA-256 of `text`.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
