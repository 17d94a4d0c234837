/// `StripAccents`: removes combining marks (it does not decompose first; pair it with NFD/NFKD).
struct StripAccentsNormalizer: TextNormalizer {
    func normalize(_ text: [UInt8]) -> [UInt8] {
        if !text.contains(where: { $0 >= 0x80 }) { return text }
        return UTF8.bytes(UTF8.scalars(text).filter { !UnicodeClass.isCombiningMark($0) })
    }
}
