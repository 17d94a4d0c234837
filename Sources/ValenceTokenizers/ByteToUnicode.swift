/// GPT-2's reversible byte-to-character map used by byte-level BPE.
///
/// Printable Latin-1 bytes (`!`…`~`, `¡`…`¬`, `®`…`ÿ`) stand for themselves; the other 68 bytes map,
/// in order, to U+0100 onwards (so a space is 'Ġ', U+0120).
enum ByteToUnicode {
    /// The stand-in scalar of each byte.
    static let scalars: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            let printable = (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte)
            if printable {
                table[byte] = UInt32(byte)
            } else {
                table[byte] = next
                next += 1
            }
        }
        return table
    }()

    /// The UTF-8 encoding of each byte's stand-in.
    static let utf8: [[UInt8]] = scalars.map { scalar in
        var out: [UInt8] = []
        UTF8.append(scalar, to: &out)
        return out
    }
}
