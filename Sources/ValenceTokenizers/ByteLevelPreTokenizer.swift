/// `ByteLevel` pre-tokenizer: optionally prefixes a space, splits with the GPT-2 regex, then
/// rewrites every byte as its GPT-2 stand-in character (see ``ByteToUnicode``).
struct ByteLevelPreTokenizer: PreTokenizer {
    let addPrefixSpace: Bool
    let useRegex: Bool

    init(addPrefixSpace: Bool, useRegex: Bool) {
        self.addPrefixSpace = addPrefixSpace
        self.useRegex = useRegex
    }

    init(json: JSONObject) {
        self.init(addPrefixSpace: json.bool("add_prefix_space", default: true), useRegex: json.bool("use_regex", default: true))
    }

    func preTokenize(_ list: inout PieceList) {
        var out: [UInt8] = []
        out.reserveCapacity(list.bytes.count * 2 + 8)
        var pieces: [Piece] = []
        pieces.reserveCapacity(list.pieces.count * 4)
        var scratch: [UInt8] = []
        var ranges: [Range<Int>] = []
        let map = ByteToUnicode.utf8
        for piece in list.pieces {
            scratch.removeAll(keepingCapacity: true)
            if addPrefixSpace && list.bytes[piece.start] != 0x20 { scratch.append(0x20) }
            scratch.append(contentsOf: list.bytes[piece.start..<piece.end])
            ranges.removeAll(keepingCapacity: true)
            if useRegex {
                scratch.withUnsafeBufferPointer { ByteLevelScanner.scan($0, from: 0, to: $0.count, into: &ranges) }
            } else {
                ranges.append(0..<scratch.count)
            }
            for range in ranges {
                let start = out.count
                for byte in scratch[range] {
                    if byte < 0x80 && byte > 0x20 && byte != 0x7F {
                        out.append(byte)  // printable ASCII stands for itself
                    } else {
                        out.append(contentsOf: map[Int(byte)])
                    }
                }
                pieces.append(Piece(start: start, end: out.count, atOrigin: piece.atOrigin && range.lowerBound == 0))
            }
        }
        list.bytes = out
        list.pieces = pieces
    }
}
