/// `ByteLevel` normalizer: every UTF-8 byte becomes its GPT-2 stand-in character.
struct ByteLevelNormalizer: TextNormalizer {
    func normalize(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 2)
        for byte in text { out.append(contentsOf: ByteToUnicode.utf8[Int(byte)]) }
        return out
    }
}
