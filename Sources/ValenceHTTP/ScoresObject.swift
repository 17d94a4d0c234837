import ValenceCore

/// Encodes scores as a JSON object in label order.
struct ScoresObject: Encodable {
    var scores: [LabelScore]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for score in scores {
            try container.encode(score.value, forKey: Key(stringValue: score.label))
        }
    }
}
