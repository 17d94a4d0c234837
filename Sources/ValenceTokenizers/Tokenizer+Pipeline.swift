extension Tokenizer {
    /// The ids of `text` before truncation and post-processing: added tokens are split out of the
    /// raw text, each stretch between them is normalized, normalized added tokens are split out of
    /// that, and the rest is pre-tokenized and run through the model.
    func tokenIds(_ text: String) -> [Int32] {
        var ids: [Int32] = []
        var original = Array(text.utf8)
        if original.isEmpty { return ids }
        ids.reserveCapacity(original.count / 3 + 4)
        if rawMatcher.isEmpty {
            appendNormalized(&original, atOrigin: true, to: &ids)
            return ids
        }
        for segment in rawMatcher.split(original) {
            switch segment {
            case .token(let id):
                ids.append(id)
            case .text(let range):
                var stretch = Array(original[range])
                appendNormalized(&stretch, atOrigin: range.lowerBound == 0, to: &ids)
            }
        }
        return ids
    }

    private func appendNormalized(_ stretch: inout [UInt8], atOrigin: Bool, to ids: inout [Int32]) {
        if let normalizer { stretch = normalizer.normalize(stretch) }
        if stretch.isEmpty { return }
        if normalizedMatcher.isEmpty {
            appendModelled(PieceList(bytes: stretch, pieces: [Piece(start: 0, end: stretch.count, atOrigin: atOrigin)]), to: &ids)
            return
        }
        for segment in normalizedMatcher.split(stretch) {
            switch segment {
            case .token(let id):
                ids.append(id)
            case .text(let range):
                let piece = Piece(start: range.lowerBound, end: range.upperBound, atOrigin: atOrigin && range.lowerBound == 0)
                appendModelled(PieceList(bytes: stretch, pieces: [piece]), to: &ids)
            }
        }
    }

    private func appendModelled(_ list: PieceList, to ids: inout [Int32]) {
        var list = list
        preTokenizer?.preTokenize(&list)
        let model = model
        list.bytes.withUnsafeBufferPointer { buffer in
            for piece in list.pieces where piece.end > piece.start {
                model.tokenize(UnsafeBufferPointer(rebasing: buffer[piece.start..<piece.end]), into: &ids)
            }
        }
    }
}
