import ValenceCore

/// Counts of (gold, predicted) pairs. Rows are gold classes, columns predicted classes, both in `classes` order:
/// negative, neutral, positive, then any other class sorted by name; a class appears once it is seen on either side.
public struct ConfusionMatrix: Sendable, Equatable, Codable {
    /// The classes seen, in display order.
    public private(set) var classes: [Sentiment] = []
    /// `counts[gold][predicted]`, indexed like `classes`.
    public private(set) var counts: [[Int]] = []

    public init() {}

    /// A matrix of the given pairs.
    public init(pairs: some Sequence<(gold: Sentiment, predicted: Sentiment)>) {
        for pair in pairs { add(gold: pair.gold, predicted: pair.predicted) }
    }

    /// Decodes `{"classes": [...], "counts": [[...]]}`, rejecting counts that are not classes × classes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let classes = try container.decode([Sentiment].self, forKey: .classes)
        let counts = try container.decode([[Int]].self, forKey: .counts)
        guard counts.count == classes.count, counts.allSatisfy({ $0.count == classes.count }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .counts, in: container, debugDescription: "expected a \(classes.count) × \(classes.count) matrix"
            )
        }
        self.classes = classes
        self.counts = counts
    }

    private enum CodingKeys: String, CodingKey {
        case classes, counts
    }

    /// Counts one prediction.
    public mutating func add(gold: Sentiment, predicted: Sentiment) {
        insertIfNew(gold)
        insertIfNew(predicted)
        // Look both up only after inserting: an insertion shifts the indices after it.
        counts[classes.firstIndex(of: gold)!][classes.firstIndex(of: predicted)!] += 1
    }

    /// The number of pairs counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// The count of texts of class `gold` predicted as `predicted`.
    public func count(gold: Sentiment, predicted: Sentiment) -> Int {
        guard let row = classes.firstIndex(of: gold), let column = classes.firstIndex(of: predicted) else { return 0 }
        return counts[row][column]
    }

    /// Inserts the row and column of `sentiment` in display order unless it has them.
    private mutating func insertIfNew(_ sentiment: Sentiment) {
        guard !classes.contains(sentiment) else { return }
        let index = classes.firstIndex { Self.ordered(sentiment, before: $0) } ?? classes.count
        classes.insert(sentiment, at: index)
        for row in counts.indices { counts[row].insert(0, at: index) }
        counts.insert(Array(repeating: 0, count: classes.count), at: index)
    }

    private static let standardOrder: [Sentiment] = [.negative, .neutral, .positive]

    /// negative < neutral < positive < any other class; other classes by name.
    static func ordered(_ lhs: Sentiment, before rhs: Sentiment) -> Bool {
        switch (standardOrder.firstIndex(of: lhs), standardOrder.firstIndex(of: rhs)) {
        case let (left?, right?): left < right
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs.rawValue < rhs.rawValue
        }
    }
}
