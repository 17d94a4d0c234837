// Temporary stand-in until the VADER port lands (replaced by the real analyzer).
public struct VaderScores: Sendable, Equatable, Codable { public var neg: Double; public var neu: Double; public var pos: Double; public var compound: Double; public init(neg: Double, neu: Double, pos: Double, compound: Double) { self.neg = neg; self.neu = neu; self.pos = pos; self.compound = compound } }
public final class VaderAnalyzer: Sendable {
    public static let shared = VaderAnalyzer()
    public func polarityScores(_ text: String) -> VaderScores {
        let c = text.contains("love") || text.contains("amazing") || text.contains("Great") ? 0.8 : (text.contains("worst") || text.contains("Terrible") ? -0.8 : 0)
        return VaderScores(neg: 0, neu: 1, pos: 0, compound: c)
    }
}
