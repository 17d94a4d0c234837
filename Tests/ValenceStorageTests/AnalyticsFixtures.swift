import Foundation
import ValenceCore

/// Ten predictions around the week boundary Monday 2024-01-08 00:00 UTC, with hand-computed aggregates.
enum AnalyticsFixtures {
    /// Monday 2024-01-08 00:00:00 UTC.
    static let monday: Double = 1_704_672_000
    static let day: Double = 86_400
    static let week: Double = 604_800

    static func at(_ offset: Double) -> Date { Date(timeIntervalSince1970: monday + offset) }

    static func record(_ index: Int, at offset: Double, _ sentiment: Sentiment, model: String, source: String?,
                       latency: Double, fallback: Bool = false) -> PredictionRecord {
        PredictionRecord(
            id: UUID(uuidString: String(format: "00000000-0000-0000-0001-%012d", index))!, createdAt: at(offset),
            text: "text \(index)", source: source, sentiment: sentiment, confidence: 0.9,
            scores: [LabelScore(label: "compound", value: 0.1)], model: model, fallbackUsed: fallback, latencyMs: latency
        )
    }

    static let records: [PredictionRecord] = [
        record(1, at: -day - 3_600, .positive, model: "vader", source: "reddit", latency: 10),             // Sat 23:00
        record(2, at: -120, .negative, model: "vader", source: "reddit", latency: 20),                      // Sun 23:58
        record(3, at: -30, .positive, model: "distilbert", source: "rss", latency: 30),                    // Sun 23:59:30
        record(4, at: 0, .neutral, model: "vader", source: "rss", latency: 40, fallback: true),           // Mon 00:00
        record(5, at: 45, .positive, model: "distilbert", source: "reddit", latency: 50),                  // Mon 00:00:45
        record(6, at: 3_600, .negative, model: "vader", source: nil, latency: 60),                         // Mon 01:00
        record(7, at: 2 * day + 5, .positive, model: "vader", source: "reddit", latency: 70),              // Wed
        record(8, at: 7 * day - 1, Sentiment(rawValue: "joy"), model: "distilbert", source: "rss", latency: 80), // Sun 23:59:59
        record(9, at: week, .positive, model: "vader", source: "reddit", latency: 1_000),                  // next Monday
        record(10, at: -week - 1, .negative, model: "vader", source: "reddit", latency: 5),                // Sun 2023-12-31
    ]
}
