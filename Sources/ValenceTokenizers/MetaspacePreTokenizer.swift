/// `Metaspace`: replaces spaces with a visible marker ('▁' usually), prepends one as configured and
/// splits before each marker.
struct MetaspacePreTokenizer: PreTokenizer {
    enum PrependScheme: String, Sendable {
        case always, first, never
    }

    let replacement: [UInt8]
    let replacementScalar: UInt32
    let prependScheme: PrependScheme
    let split: Bool

    init(json: JSONObject) throws {
        let replacementString = try json.string("replacement")
        guard let scalar = replacementString.unicodeScalars.first else {
            throw TokenizerError.invalidField(component: json.context, field: "replacement")
        }
        replacementScalar = scalar.value
        replacement = Array(String(Character(scalar)).utf8)
        if let raw = json.optionalString("prepend_scheme") {
            guard let scheme = PrependScheme(rawValue: raw) else {
                throw TokenizerError.unsupportedComponent(kind: "Metaspace prepend_scheme", type: raw)
            }
            prependScheme = json.optionalBool("add_prefix_space") == false ? .never : scheme
        } else {
            // Legacy form: `add_prefix_space`.
            prependScheme = json.bool("add_prefix_space", default: true) ? .always : .never
        }
        split = json.bool("split", default: true)
    }

    func preTokenize(_ list: inout PieceList) {
        var out: [UInt8] = []
        out.reserveCapacity(list.bytes.count + list.pieces.count * replacement.count + 8)
        var pieces: [Piece] = []
        for piece in list.pieces {
            let start = out.count
            let startsWithMarker = list.bytes[piece.start] == 0x20
                || list.bytes[piece.start..<piece.end].starts(with: replacement)
            switch prependScheme {
            case .always where !startsWithMarker: out.append(contentsOf: replacement)
            case .first where !startsWithMarker && piece.atOrigin: out.append(contentsOf: replacement)
            default: break
            }
            for byte in list.bytes[piece.start..<piece.end] {
                if byte == 0x20 { out.append(contentsOf: replacement) } else { out.append(byte) }
            }
            pieces.append(Piece(start: start, end: out.count, atOrigin: piece.atOrigin))
        }
        list.bytes = out
        list.pieces = pieces
        guard split else { return }
        let marker = replacementScalar
        list.split(behavior: .mergedWithNext) { buffer, piece, spans in
            PieceList.scalarSpans(buffer, piece, into: &spans) { $0 == marker }
        }
    }
}
