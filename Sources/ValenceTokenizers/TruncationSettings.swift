/// `tokenizer.json`'s `"truncation"` (for a single text every strategy cuts the one sequence).
struct TruncationSettings: Sendable, Equatable {
    enum Direction: String, Sendable { case left = "Left", right = "Right" }

    var maxLength: Int
    var direction: Direction

    init(maxLength: Int, direction: Direction = .right) {
        self.maxLength = maxLength
        self.direction = direction
    }

    init(json: JSONObject) throws {
        maxLength = try json.int("max_length")
        let raw = json.optionalString("direction") ?? "Right"
        guard let direction = Direction(rawValue: raw) else {
            throw TokenizerError.unsupportedComponent(kind: "truncation direction", type: raw)
        }
        self.direction = direction
    }

    /// Cuts `ids` to `limit` entries from the configured side.
    func truncate(_ ids: inout [Int32], to limit: Int) {
        guard ids.count > limit else { return }
        switch direction {
        case .right: ids.removeSubrange(limit...)
        case .left: ids.removeSubrange(..<(ids.count - limit))
        }
    }
}

/// `tokenizer.json`'s `"padding"`: which id, type id and side `encodeBatch` pads with.
struct PaddingSettings: Sendable, Equatable {
    enum Direction: String, Sendable { case left = "Left", right = "Right" }

    var padId: Int32
    var padTypeId: Int32
    var direction: Direction

    init(json: JSONObject) {
        padId = Int32(json.optionalInt("pad_id") ?? 0)
        padTypeId = Int32(json.optionalInt("pad_type_id") ?? 0)
        direction = Direction(rawValue: json.optionalString("direction") ?? "Right") ?? .right
    }

    init(padId: Int32, padTypeId: Int32 = 0, direction: Direction = .right) {
        self.padId = padId
        self.padTypeId = padTypeId
        self.direction = direction
    }
}
