/// `Whitespace`: the regex `\w+|[^\w\s]+` — runs of word characters and runs of other
/// non-space characters become pieces; whitespace is dropped.
struct WhitespacePreTokenizer: PreTokenizer {
    private enum Kind { case word, other, space }

    @inline(__always)
    private static func kind(_ scalar: UInt32) -> Kind {
        if UnicodeClass.isWordCharacter(scalar) { return .word }
        return UnicodeClass.isWhitespace(scalar) ? .space : .other
    }

    func preTokenize(_ list: inout PieceList) {
        var result: [Piece] = []
        list.bytes.withUnsafeBufferPointer { buffer in
            for piece in list.pieces {
                var runStart = piece.start
                var runKind = Kind.space
                var i = piece.start
                while i < piece.end {
                    let (scalar, length) = UTF8.decode(buffer, at: i)
                    let kind = Self.kind(scalar)
                    if kind != runKind {
                        if runKind != .space && runStart < i {
                            result.append(Piece(start: runStart, end: i, atOrigin: piece.atOrigin && runStart == piece.start))
                        }
                        runStart = i
                        runKind = kind
                    }
                    i += length
                }
                if runKind != .space && runStart < piece.end {
                    result.append(Piece(start: runStart, end: piece.end, atOrigin: piece.atOrigin && runStart == piece.start))
                }
            }
        }
        list.pieces = result
    }
}
