/// A hand-written matcher for GPT-2's pre-tokenization regex, which the Rust crate runs with
/// Oniguruma:
///
///     's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
///
/// Every scalar belongs to some alternative, so the matches cover the text. Alternatives are tried
/// in order at each position, exactly like the backtracking engine.
enum ByteLevelScanner {
    /// The pattern's source text, recognised in `Split` pre-tokenizers to use this scanner.
    static let gpt2Pattern = #"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"#

    enum Class: UInt8 { case letter, number, space, other }

    /// Classes of the ASCII bytes.
    private static let asciiClasses: [Class] = (0..<128).map { byte in
        let scalar = UInt32(byte)
        if UnicodeClass.isLetter(scalar) { return .letter }
        if UnicodeClass.isNumber(scalar) { return .number }
        if UnicodeClass.isWhitespace(scalar) { return .space }
        return .other
    }

    @inline(__always)
    static func classify(_ scalar: UInt32) -> Class {
        if scalar < 0x80 { return asciiClasses[Int(scalar)] }
        if UnicodeClass.isLetter(scalar) { return .letter }
        if UnicodeClass.isNumber(scalar) { return .number }
        if UnicodeClass.isWhitespace(scalar) { return .space }
        return .other
    }

    @inline(__always)
    private static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Class, Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (asciiClasses[Int(lead)], 1) }
        let (scalar, length) = UTF8.decode(bytes, at: i)
        return (classify(scalar), length)
    }

    /// Appends the matches in `bytes[start..<end]` (absolute offsets) to `ranges`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into ranges: inout [Range<Int>]) {
        var i = start
        while i < end {
            let lead = bytes[i]
            // 's 't 're 've 'm 'll 'd
            if lead == 0x27 && i + 1 < end {
                let c1 = bytes[i + 1]
                if c1 == 0x73 || c1 == 0x74 || c1 == 0x6D || c1 == 0x64 {
                    ranges.append(i..<(i + 2))
                    i += 2
                    continue
                }
                if i + 2 < end {
                    let c2 = bytes[i + 2]
                    if (c1 == 0x72 && c2 == 0x65) || (c1 == 0x76 && c2 == 0x65) || (c1 == 0x6C && c2 == 0x6C) {
                        ranges.append(i..<(i + 3))
                        i += 3
                        continue
                    }
                }
            }
            var (kind, length) = next(bytes, i)
            var runStart = i
            // The optional leading space of the letter, number and other alternatives.
            if lead == 0x20 && i + 1 < end {
                let (following, followingLength) = next(bytes, i + 1)
                if following != .space {
                    kind = following
                    runStart = i + 1
                    length = followingLength
                }
            }
            if kind != .space {
                var j = runStart + length
                while j < end {
                    let (k, l) = next(bytes, j)
                    if k != kind { break }
                    j += l
                }
                ranges.append(i..<j)
                i = j
                continue
            }
            // \s+(?!\S) then \s+
            var j = i
            var lastStart = i
            while j < end {
                let (k, l) = next(bytes, j)
                if k != .space { break }
                lastStart = j
                j += l
            }
            let stop = (j == end || lastStart == i) ? j : lastStart
            ranges.append(i..<stop)
            i = stop
        }
    }
}
