import Foundation

/// `NFC`, `NFD`, `NFKC`, `NFKD`.
///
/// Decomposition is done one scalar at a time (Foundation's single-scalar mappings are right)
/// followed by our own canonical ordering: Foundation's whole-string forms skip the reordering in
/// some sequences (e.g. U+07EF U+0F73, or "ñ" + U+FF9E) and its NFKC can leave "ｶﾞ" uncomposed.
/// Composition then runs on the canonically ordered text. Scalars newer than the Rust crate's
/// Unicode tables pass through unchanged and act as starters, as they do there.
struct UnicodeFormNormalizer: TextNormalizer {
    enum Form: Sendable { case nfc, nfd, nfkc, nfkd }
    let form: Form

    func normalize(_ text: [UInt8]) -> [UInt8] {
        // ASCII is invariant under every form.
        if !text.contains(where: { $0 >= 0x80 }) { return text }
        let compatibility = form == .nfkc || form == .nfkd
        var decomposed = Self.decompose(UTF8.scalars(text), compatibility: compatibility)
        Self.reorder(&decomposed)
        if form == .nfd || form == .nfkd { return UTF8.bytes(decomposed) }
        return Self.compose(decomposed)
    }

    static func decompose(_ scalars: [UInt32], compatibility: Bool) -> [UInt32] {
        let cache = compatibility ? ScalarMappingCache.compatibilityDecomposition : ScalarMappingCache.canonicalDecomposition
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count + 8)
        for scalar in scalars {
            if scalar < 0xA0 {
                out.append(scalar)
            } else {
                out.append(contentsOf: cache.mapping(scalar))
            }
        }
        return out
    }

    /// The canonical combining class the Rust tables would give (0 for scalars they do not know).
    @inline(__always)
    static func combiningClass(_ scalar: UInt32) -> UInt8 {
        guard scalar >= 0x300, UnicodeClass.isKnownToNormalization(scalar), let value = Unicode.Scalar(scalar) else { return 0 }
        return value.properties.canonicalCombiningClass.rawValue
    }

    /// Canonical ordering: a stable sort of each run of non-starters by combining class.
    static func reorder(_ scalars: inout [UInt32]) {
        var i = 0
        while i < scalars.count {
            guard combiningClass(scalars[i]) != 0 else {
                i += 1
                continue
            }
            var end = i
            while end < scalars.count && combiningClass(scalars[end]) != 0 { end += 1 }
            if end - i > 1 {
                let run = scalars[i..<end].enumerated().sorted {
                    let a = combiningClass($0.element), b = combiningClass($1.element)
                    return a != b ? a < b : $0.offset < $1.offset
                }
                scalars.replaceSubrange(i..<end, with: run.map(\.element))
            }
            i = end
        }
    }

    /// Canonical composition of canonically ordered text; scalars the Rust tables do not know split it.
    static func compose(_ scalars: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 2)
        var segment: [UInt32] = []
        func flush() {
            guard !segment.isEmpty else { return }
            let string = UTF8.string(UTF8.bytes(segment))
            segment.removeAll(keepingCapacity: true)
            out.append(contentsOf: Array(string.precomposedStringWithCanonicalMapping.utf8))
        }
        for scalar in scalars {
            if scalar < 0x300 || UnicodeClass.isKnownToNormalization(scalar) {
                segment.append(scalar)
            } else {
                flush()
                UTF8.append(scalar, to: &out)
            }
        }
        flush()
        return out
    }
}
