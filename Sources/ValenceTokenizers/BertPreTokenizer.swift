/// `BertPreTokenizer`: splits on whitespace (dropped) and isolates every punctuation scalar.
///
/// Done in one pass; equivalent to the Rust crate's two splits.
struct BertPreTokenizer: PreTokenizer {
    func preTokenize(_ list: inout PieceList) {
        var result: [Piece] = []
        result.reserveCapacity(list.pieces.count * 8)
        list.bytes.withUnsafeBufferPointer { buffer in
            for piece in list.pieces {
                var wordStart = piece.start
                var i = piece.start
                while i < piece.end {
                    let lead = buffer[i]
                    let scalar: UInt32
                    let length: Int
                    if lead < 0x80 {
                        scalar = UInt32(lead)
                        length = 1
                    } else {
                        (scalar, length) = UTF8.decode(buffer, at: i)
                    }
                    if UnicodeClass.isWhitespace(scalar) {
                        if wordStart < i { result.append(Piece(start: wordStart, end: i, atOrigin: piece.atOrigin && wordStart == piece.start)) }
                        wordStart = i + length
                    } else if UnicodeClass.isBertPunctuation(scalar) {
                        if wordStart < i { result.append(Piece(start: wordStart, end: i, atOrigin: piece.atOrigin && wordStart == piece.start)) }
                        result.append(Piece(start: i, end: i + length, atOrigin: piece.atOrigin && i == piece.start))
                        wordStart = i + length
                    }
                    i += length
                }
                if wordStart < piece.end { result.append(Piece(start: wordStart, end: piece.end, atOrigin: piece.atOrigin && wordStart == piece.start)) }
            }
        }
        list.pieces = result
    }
}
