import Foundation

/// A thread-safe memo of per-scalar mappings that are costly to compute through Foundation
/// (canonical decomposition, lowercase mapping of non-ASCII scalars).
final class ScalarMappingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [UInt32: [UInt32]] = [:]
    private let compute: @Sendable (UInt32) -> [UInt32]

    init(_ compute: @escaping @Sendable (UInt32) -> [UInt32]) {
        self.compute = compute
    }

    func mapping(_ scalar: UInt32) -> [UInt32] {
        lock.lock()
        if let hit = storage[scalar] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute(scalar)
        lock.lock()
        if storage.count < 65_536 { storage[scalar] = value }
        lock.unlock()
        return value
    }

    /// Canonical decomposition (NFD) of single scalars, as the Rust normalization tables know them.
    static let canonicalDecomposition = ScalarMappingCache { scalar in
        guard UnicodeClass.isKnownToNormalization(scalar), let value = Unicode.Scalar(scalar) else { return [scalar] }
        return String(Character(value)).decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
    }

    /// Compatibility decomposition (NFKD) of single scalars, as the Rust normalization tables know them.
    static let compatibilityDecomposition = ScalarMappingCache { scalar in
        guard UnicodeClass.isKnownToNormalization(scalar), let value = Unicode.Scalar(scalar) else { return [scalar] }
        return String(Character(value)).decomposedStringWithCompatibilityMapping.unicodeScalars.map(\.value)
    }

    /// Full lowercase mapping (Rust's `char::to_lowercase`) of single scalars.
    static let lowercase = ScalarMappingCache { scalar in
        guard let value = Unicode.Scalar(scalar) else { return [scalar] }
        return value.properties.lowercaseMapping.unicodeScalars.map(\.value)
    }
}
