/// `Lowercase`: Rust's `char::to_lowercase` on every scalar (no context rules, so 'Σ' is always 'σ').
struct LowercaseNormalizer: TextNormalizer {
    func normalize(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        text.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                if lead < 0x80 {
                    out.append(lead >= 0x41 && lead <= 0x5A ? lead | 0x20 : lead)
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8.decode(bytes, at: i)
                i += length
                for part in ScalarMappingCache.lowercase.mapping(scalar) { UTF8.append(part, to: &out) }
            }
        }
        return out
    }
}
