import Foundation
import Synchronization
import ValenceCore
import ValenceDashboard
import ValenceResilience
import ValenceStorage

/// The dashboard's data from the gateway's services: the last 24 hours of predictions (totals, distribution, an
/// hourly trend, per-model share and latency, change against the 24 hours before), the breaker, the system's state
/// and the open and recently resolved alerts. One snapshot serves every open dashboard for `maximumAge`, so many
/// viewers cost the database no more than one.
final class GatewayDashboardSource: DashboardSource {
    /// The window every figure covers.
    static let window: TimeInterval = 24 * 3600
    /// The most models compared (the busiest).
    static let modelLimit = 8

    private let services: APIServices
    private let maximumAge: Duration
    private let cached = Mutex<(at: ContinuousClock.Instant, snapshot: DashboardSnapshot)?>(nil)

    init(services: APIServices, maximumAge: Duration = .seconds(1)) {
        self.services = services
        self.maximumAge = maximumAge
    }

    func snapshot() async throws -> DashboardSnapshot {
        let now = ContinuousClock.now
        if let cached = cached.withLock({ $0 }), cached.at.duration(to: now) < maximumAge { return cached.snapshot }
        let snapshot = try await read(at: Date())
        cached.withLock { $0 = (now, snapshot) }
        return snapshot
    }

    private func read(at date: Date) async throws -> DashboardSnapshot {
        let from = date.addingTimeInterval(-Self.window)
        let stored: (AnalyticsReport, [(String, AnalyticsReport)], Int, [Alert])
        do {
            let report = try await services.repository.analytics(AnalyticsQuery(from: from, to: date, bucket: .hour))
            var perModel: [(String, AnalyticsReport)] = []
            for (key, _) in report.modelCounts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(Self.modelLimit) {
                perModel.append((key, try await services.repository.analytics(AnalyticsQuery(from: from, to: date, model: key))))
            }
            let activations = try await services.breakerEvents.activations(from: from, to: date, scope: BreakerScope.overall)
            stored = (report, perModel, activations, try await services.alerts.list(recentResolved: 10))
        } catch {
            // The page shows this text: say what is wrong without the driver's details (hosts, users).
            throw DashboardUnavailable(description: "the database (\(services.databaseDriver)) is unreachable")
        }
        let (report, perModel, activations, alerts) = stored
        return DashboardSnapshot(
            generatedAt: date,
            totals: DashboardTotals(
                predictions: report.totalPredictions,
                averageResponseMs: report.averageLatencyMs ?? 0,
                fallbackPercent: report.totalPredictions > 0 ? 100 * Double(report.fallbackAnswers) / Double(report.totalPredictions) : 0,
                predictionsChangePercent: report.change?.totalChangePercent
            ),
            distribution: DashboardDistribution(
                positivePercent: report.sentimentPercent["positive"] ?? 0,
                negativePercent: report.sentimentPercent["negative"] ?? 0,
                neutralPercent: report.sentimentPercent["neutral"] ?? 0
            ),
            trend: (report.trend ?? []).map(Self.bucket),
            models: await modelRows(report, perModel),
            breaker: breaker(activations: activations),
            system: await system(at: date),
            alerts: alerts.map(Self.alert)
        )
    }

    private static func bucket(_ point: TrendPoint) -> DashboardTrendBucket {
        func percent(_ count: Int) -> Double { point.count > 0 ? 100 * Double(count) / Double(point.count) : 0 }
        return DashboardTrendBucket(start: point.start, count: point.count, positivePercent: percent(point.positive),
                                    negativePercent: percent(point.negative), neutralPercent: percent(point.neutral))
    }

    /// The busiest models of the window, each with the model provider's current state.
    private func modelRows(_ report: AnalyticsReport, _ perModel: [(String, AnalyticsReport)]) async -> [DashboardModelRow] {
        let statuses = Dictionary(await services.models.statuses().map { ($0.key, $0) }) { first, _ in first }
        return perModel.map { key, model in
            let status = statuses[key].map { status in status.reason.map { "\(status.state): \($0)" } ?? status.state }
            return DashboardModelRow(
                key: key, sharePercent: report.modelPercent[key] ?? 0, predictions: model.totalPredictions,
                averageLatencyMs: model.averageLatencyMs ?? 0, p95LatencyMs: model.p95LatencyMs,
                status: status ?? (key == VaderSentimentModel.key ? "ready" : "not loaded")
            )
        }
    }

    private func breaker(activations: Int) -> DashboardBreaker {
        let status = services.breaker.status
        let state: DashboardBreakerState = switch status.state {
        case .closed: .closed
        case .open: .open
        case .halfOpen: .halfOpen
        }
        return DashboardBreaker(state: state, recentFailures: status.failuresInWindow, activations: activations,
                                lastTransition: status.lastTransitions.last?.at)
    }

    private func system(at date: Date) async -> [DashboardSystemMetric] {
        let buffer = services.writer.snapshot
        var database = "\(services.databaseDriver): ok"
        do {
            try await services.pingDatabase()
        } catch {
            database = "\(services.databaseDriver): unreachable"
        }
        var metrics = [
            DashboardSystemMetric(name: "uptime", value: Self.duration(date.timeIntervalSince(services.startedAt))),
            DashboardSystemMetric(name: "version", value: ValenceVersion.current),
            DashboardSystemMetric(name: "database", value: database),
            DashboardSystemMetric(name: "default model", value: services.models.defaultModelKey),
            DashboardSystemMetric(name: "write buffer", value: "\(buffer.pending) / \(buffer.capacity) pending, \(buffer.dropped) dropped"),
            DashboardSystemMetric(name: "fallback answers", value: "\(services.fallbackTracker.snapshot.fallbackAnswers) since start"),
        ]
        for replica in services.replicas() {
            let reachable = replica.reachable.map { $0 ? "reachable" : "unreachable" } ?? "not checked yet"
            metrics.append(DashboardSystemMetric(name: "model service \(replica.url)",
                                                 value: "\(reachable), breaker \(replica.breaker.status.state.rawValue)"))
        }
        return metrics
    }

    private static func alert(_ alert: Alert) -> DashboardAlert {
        let state: DashboardAlertState = switch alert.state {
        case .active: .active
        case .acknowledged: .acknowledged
        case .resolved: .resolved
        }
        return DashboardAlert(id: alert.id.uuidString, rule: alert.rule, severity: alert.severity.rawValue, state: state,
                              message: alert.message, startedAt: alert.firstSeen)
    }

    /// "3 d 4 h", "5 h 12 min", "42 s".
    private static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds))
        let days = total / 86_400, hours = total % 86_400 / 3600, minutes = total % 3600 / 60
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(minutes) min" }
        if minutes > 0 { return "\(minutes) min \(total % 60) s" }
        return "\(total) s"
    }
}

/// Why the dashboard has no data; its text is shown on the page.
struct DashboardUnavailable: Error, CustomStringConvertible {
    var description: String
}
