/// One piece of text awaiting the model: a byte range of ``PieceList/bytes``.
struct Piece: Sendable, Equatable {
    var start: Int
    var end: Int
    /// Whether the piece begins at the very start of the original text (Metaspace's
    /// `prepend_scheme: "first"` looks at this).
    var atOrigin: Bool
}

/// What `SplitDelimiterBehavior` does with a matched delimiter.
enum SplitBehavior: String, Sendable {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    init(json: JSONObject, key: String = "behavior") throws {
        let raw = try json.string(key)
        guard let value = SplitBehavior(rawValue: raw) else {
            throw TokenizerError.unsupportedComponent(kind: "split behavior", type: raw)
        }
        self = value
    }
}

/// A span of a piece and whether it is a delimiter match; a piece's spans cover it in order.
struct MatchSpan: Sendable {
    var start: Int
    var end: Int
    var isMatch: Bool
}

/// The text of one normalized segment and the pieces it has been split into so far.
struct PieceList: Sendable {
    var bytes: [UInt8]
    var pieces: [Piece]

    /// Re-splits every piece. `find` appends the spans of one piece (absolute byte offsets, covering
    /// the piece) to its last argument; `behavior` then decides which spans become pieces, as the Rust
    /// `NormalizedString::split` does. Empty pieces are dropped.
    mutating func split(
        behavior: SplitBehavior,
        find: (UnsafeBufferPointer<UInt8>, Piece, inout [MatchSpan]) -> Void
    ) {
        var result: [Piece] = []
        result.reserveCapacity(pieces.count * 4)
        var spans: [MatchSpan] = []
        var merged: [MatchSpan] = []
        bytes.withUnsafeBufferPointer { buffer in
            for piece in pieces {
                spans.removeAll(keepingCapacity: true)
                find(buffer, piece, &spans)
                Self.apply(behavior, to: spans, into: &merged)
                for span in merged where span.end > span.start {
                    result.append(Piece(start: span.start, end: span.end, atOrigin: piece.atOrigin && span.start == piece.start))
                }
            }
        }
        pieces = result
    }

    /// Applies a split behavior to a piece's spans; the output spans are the kept pieces.
    static func apply(_ behavior: SplitBehavior, to spans: [MatchSpan], into out: inout [MatchSpan]) {
        out.removeAll(keepingCapacity: true)
        switch behavior {
        case .isolated:
            out.append(contentsOf: spans)
        case .removed:
            for span in spans where !span.isMatch { out.append(span) }
        case .contiguous:
            var previousMatch = false
            for span in spans {
                if span.isMatch == previousMatch, !out.isEmpty {
                    out[out.count - 1].end = span.end
                } else {
                    out.append(span)
                }
                previousMatch = span.isMatch
            }
        case .mergedWithPrevious:
            var previousMatch = false
            for span in spans {
                if span.isMatch && !previousMatch, !out.isEmpty {
                    out[out.count - 1].end = span.end
                } else {
                    out.append(span)
                }
                previousMatch = span.isMatch
            }
        case .mergedWithNext:
            var previousMatch = false
            for span in spans.reversed() {
                if span.isMatch && !previousMatch, !out.isEmpty {
                    out[out.count - 1].start = span.start
                } else {
                    out.append(span)
                }
                previousMatch = span.isMatch
            }
            out.reverse()
        }
        for k in out.indices { out[k].isMatch = false }
    }

    /// Spans for a per-scalar predicate: every matching scalar is its own match (Rust's `Fn(char)` pattern).
    static func scalarSpans(
        _ buffer: UnsafeBufferPointer<UInt8>, _ piece: Piece, into spans: inout [MatchSpan],
        where predicate: (UInt32) -> Bool
    ) {
        var last = piece.start
        var i = piece.start
        while i < piece.end {
            let (scalar, length) = UTF8.decode(buffer, at: i)
            if predicate(scalar) {
                if last < i { spans.append(MatchSpan(start: last, end: i, isMatch: false)) }
                spans.append(MatchSpan(start: i, end: i + length, isMatch: true))
                last = i + length
            }
            i += length
        }
        if last < piece.end { spans.append(MatchSpan(start: last, end: piece.end, isMatch: false)) }
    }

    /// Spans from sorted, non-overlapping match ranges (absolute offsets) inside a piece.
    static func rangeSpans(_ matches: [Range<Int>], _ piece: Piece, invert: Bool, into spans: inout [MatchSpan]) {
        var last = piece.start
        for match in matches {
            if last < match.lowerBound { spans.append(MatchSpan(start: last, end: match.lowerBound, isMatch: invert)) }
            spans.append(MatchSpan(start: match.lowerBound, end: match.upperBound, isMatch: !invert))
            last = match.upperBound
        }
        if last < piece.end { spans.append(MatchSpan(start: last, end: piece.end, isMatch: invert)) }
    }
}
