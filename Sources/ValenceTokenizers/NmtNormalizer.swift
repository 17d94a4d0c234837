/// `Nmt`: SentencePiece's NMT cleanup — drops some control characters, maps odd spaces to ' '.
struct NmtNormalizer: TextNormalizer {
    func normalize(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        for scalar in UTF8.scalars(text) {
            switch scalar {
            case 0x0001...0x0008, 0x000B, 0x000E...0x001F, 0x007F, 0x008F, 0x009F:
                continue
            case 0x0009, 0x000A, 0x000C, 0x000D, 0x1680, 0x200B...0x200F, 0x2028, 0x2029, 0x2581, 0xFEFF, 0xFFFD:
                out.append(0x20)
            default:
                UTF8.append(scalar, to: &out)
            }
        }
        return out
    }
}
