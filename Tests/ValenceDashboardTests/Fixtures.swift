import Foundation
import ValenceDashboard

/// Snapshots and sources shared by the tests.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_764_320_400) // 2025-11-28 09:00:00 UTC

    static func trend(count: Int, step: TimeInterval = 300) -> [DashboardTrendBucket] {
        (0..<count).map { index in
            let positive = Double(index * 7 % 60)
            return DashboardTrendBucket(
                start: start.addingTimeInterval(Double(index) * step), count: 10 + index,
                positivePercent: positive, negativePercent: 100 - positive - 20, neutralPercent: 20
            )
        }
    }

    static func snapshot(alertMessage: String = "negative share 3.2σ over baseline", predictions: Int = 1_234) -> DashboardSnapshot {
        DashboardSnapshot(
            generatedAt: start.addingTimeInterval(3_600),
            totals: DashboardTotals(predictions: predictions, averageResponseMs: 12.5, fallbackPercent: 4, predictionsChangePercent: 12.5),
            distribution: DashboardDistribution(positivePercent: 50, negativePercent: 30, neutralPercent: 20),
            trend: trend(count: 12),
            models: [
                DashboardModelRow(key: "distilbert-sentiment", sharePercent: 80, predictions: 987, averageLatencyMs: 18, p95LatencyMs: 40, status: "ready"),
                DashboardModelRow(key: "vader", sharePercent: 20, predictions: 247, averageLatencyMs: 0.2, status: "ready"),
            ],
            breaker: DashboardBreaker(state: .halfOpen, recentFailures: 3, activations: 1, lastTransition: start.addingTimeInterval(3_000)),
            system: [DashboardSystemMetric(name: "uptime", value: "1 h 2 min"), DashboardSystemMetric(name: "queue depth", value: "7")],
            alerts: [
                DashboardAlert(id: "a-1", rule: "negative_spike", severity: "critical", state: .active, message: alertMessage,
                               startedAt: start.addingTimeInterval(3_300)),
            ]
        )
    }
}

/// A source that always answers the same snapshot.
struct FixedSource: DashboardSource {
    let value: DashboardSnapshot
    func snapshot() async throws -> DashboardSnapshot { value }
}

/// A source that always fails, like a database that is down.
struct FailingSource: DashboardSource {
    struct DatabaseDown: Error, CustomStringConvertible {
        var description: String { "database unreachable <db01>" }
    }

    func snapshot() async throws -> DashboardSnapshot { throw DatabaseDown() }
}

/// A source whose answer changes after the first call: call 1 shows `first`, later calls show `later`.
actor ChangingSource: DashboardSource {
    private(set) var calls = 0
    let first: DashboardSnapshot
    let later: DashboardSnapshot

    init(first: DashboardSnapshot, later: DashboardSnapshot) {
        self.first = first
        self.later = later
    }

    func snapshot() async throws -> DashboardSnapshot {
        calls += 1
        return calls == 1 ? first : later
    }
}
