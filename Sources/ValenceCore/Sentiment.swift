/// The sentiment class a prediction reports: `positive`, `negative`, `neutral`, or — for a model whose
/// label names follow no known scheme — the label name itself.
public struct Sentiment: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let positive = Sentiment(rawValue: "positive")
    public static let negative = Sentiment(rawValue: "negative")
    public static let neutral = Sentiment(rawValue: "neutral")

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Sentiment {
    /// Maps a classifier label to a sentiment as DESIGN.md section 2 says: negative/neutral/positive
    /// case-insensitively; "1 star"…"5 stars" (1–2 negative, 3 neutral, 4–5 positive); generic `LABEL_i`
    /// by the number of labels (2: negative, positive; 3: negative, neutral, positive); else the label itself.
    public static func forLabel(_ label: String, labelCount: Int) -> Sentiment {
        let lowered = label.lowercased()
        switch lowered {
        case "negative", "neg": return .negative
        case "neutral", "neu": return .neutral
        case "positive", "pos": return .positive
        default: break
        }
        if let stars = starCount(lowered) {
            switch stars {
            case 1, 2: return .negative
            case 3: return .neutral
            case 4, 5: return .positive
            default: return Sentiment(rawValue: label)
            }
        }
        if lowered.hasPrefix("label_"), let index = Int(lowered.dropFirst(6)) {
            switch (labelCount, index) {
            case (2, 0), (3, 0): return .negative
            case (2, 1), (3, 2): return .positive
            case (3, 1): return .neutral
            default: return Sentiment(rawValue: label)
            }
        }
        return Sentiment(rawValue: label)
    }

    /// "1 star", "4 stars" → 1, 4.
    private static func starCount(_ lowered: String) -> Int? {
        let parts = lowered.split(separator: " ")
        guard parts.count == 2, parts[1] == "star" || parts[1] == "stars" else { return nil }
        return Int(parts[0])
    }
}
