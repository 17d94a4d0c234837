/// `emoji_utf8_lexicon.txt` as used by 3.3.2: each *single code point* of the text that is a key
/// is replaced by its description. Keys of several code points (ZWJ sequences, skin-tone
/// variants, flags, keycaps) can never match, because 3.3.2 looks the text up one code point
/// at a time.
struct EmojiTable: Sendable {
    private let descriptions: [UInt32: [UInt8]]
    private let hasASCIIKeys: Bool

    /// `descriptions` maps a scalar value to the UTF-8 bytes of its description.
    init(descriptions: [UInt32: [UInt8]]) {
        self.descriptions = descriptions
        self.hasASCIIKeys = descriptions.keys.contains { $0 < 0x80 }
    }

    /// The text with its emoji replaced, or `nil` when it contains none (use the text as is).
    ///
    /// Replacement follows 3.3.2 exactly: a space is inserted *before* a description unless the
    /// previous output character is a plain space (U+0020) or nothing, and nothing is inserted
    /// after it, so "😀good" becomes "grinning facegood".
    func expand(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let first = firstEmojiOffset(text) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count + 64)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: text[..<first]))
        var previousIsSpace = first == 0 || text[first - 1] == UInt8(ascii: " ")
        var index = first
        while index < text.count {
            let (value, length) = Self.decode(text, at: index)
            if let description = descriptions[value], value >= 0x80 || hasASCIIKeys {
                if !previousIsSpace { output.append(UInt8(ascii: " ")) }
                output.append(contentsOf: description)
                previousIsSpace = false
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<(index + length)]))
                previousIsSpace = value == 0x20
            }
            index += length
        }
        return output
    }

    private func firstEmojiOffset(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        if !hasASCIIKeys, let base = text.baseAddress {
            // Skip ASCII eight bytes at a time.
            while index + 8 <= text.count,
                  UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
        }
        while index < text.count {
            if text[index] < 0x80 && !hasASCIIKeys {
                index += 1
                continue
            }
            let (value, length) = Self.decode(text, at: index)
            if descriptions[value] != nil { return index }
            index += length
        }
        return nil
    }

    /// Decodes the scalar starting at `index` of well-formed UTF-8.
    @inline(__always)
    private static func decode(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(text[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(text[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(text[index + 1] & 0x3F) << 6
                | UInt32(text[index + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(text[index + 1] & 0x3F) << 12
            | UInt32(text[index + 2] & 0x3F) << 6 | UInt32(text[index + 3] & 0x3F), 4)
    }
}
