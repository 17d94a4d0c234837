/// Code points whose category changed between the Unicode version a Rust crate uses and the one
/// Swift ships, so the age cut-off in ``UnicodeClass`` alone gets them wrong. Found by comparing
/// every code point against the Python `tokenizers` package (see `UnicodeClassesTests`).
enum UnicodeClassExceptions {
    static let controlFlipped: Set<UInt32> = []
    static let punctuationFlipped: Set<UInt32> = [0x166D, 0x111C9]
    static let nonspacingFlipped: Set<UInt32> = [0x1734, 0x1885, 0x1886, 0xA9BD, 0x111C9, 0x1171E]
    static let combiningFlipped: Set<UInt32> = [0x1CF2, 0x1CF3, 0x111C9]
}
