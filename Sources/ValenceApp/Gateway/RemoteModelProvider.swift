import Foundation
import Synchronization
import ValenceCore
import ValenceHTTP
import ValenceResilience

/// The gateway's models: VADER in process, everything else on model-service replicas over HTTP, spread round
/// robin over the replicas that are up. A call that fails on one replica is tried on the next, so one replica
/// dying costs no fallback while another answers; when every replica fails the call throws and the prediction
/// service's (overall) breaker and VADER fallback take over.
public final class RemoteModelProvider: ModelProvider {
    let replicas: [ModelServiceReplica]
    private let catalog: ModelCatalog
    private let vader: VaderSentimentModel
    private let configuredDefault: String
    private let turn = Atomic<Int>(0)
    /// Keys the replicas have reported, kept so that a replica outage does not turn them into 404s.
    private let reportedKeys = Mutex<Set<String>>([])

    init(replicas: [ModelServiceReplica], defaultModelKey: String, catalog: ModelCatalog,
         vader: VaderSentimentModel = VaderSentimentModel()) {
        self.replicas = replicas
        self.catalog = catalog
        self.vader = vader
        configuredDefault = defaultModelKey
    }

    /// The default the replicas report (a request without `model` is forwarded without one), else the configured one.
    public var defaultModelKey: String {
        replicas.lazy.compactMap(\.readiness).first?.defaultModel ?? configuredDefault
    }

    public func resolve(_ key: String?) async throws -> ModelResolution {
        if let key, catalog.entry(for: key)?.key == VaderSentimentModel.key { return .ready(vader) }
        let canonical = key.map { catalog.entry(for: $0)?.key ?? $0 }
        let reports = replicas.compactMap(\.readiness)
        noteReported(reports)
        if let canonical, catalog.entry(for: canonical) == nil, !reportedKeys.withLock({ $0.contains(canonical) }) {
            throw ValenceError.unknownModel(canonical)
        }
        let target = canonical ?? defaultModelKey
        if !reports.isEmpty {
            let states = reports.compactMap { report in report.models.first { $0.key == target } }
            if !states.isEmpty, !states.contains(where: { $0.state == "ready" }) {
                let state = states[0]
                return .unavailable(key: target, reason: "model '\(target)' is \(state.state) on the model service"
                                    + (state.reason.map { ": \($0)" } ?? ""))
            }
        }
        return .ready(RemoteModel(key: target, forwardedKey: canonical, provider: self))
    }

    public func statuses() async -> [ModelStatus] {
        var merged: [String: ModelStatus] = [VaderSentimentModel.key: ModelStatus(key: VaderSentimentModel.key, state: "ready")]
        for report in replicas.compactMap(\.readiness) {
            for status in report.models where merged[status.key]?.state != "ready" { merged[status.key] = status }
        }
        for entry in catalog.entries where merged[entry.key] == nil {
            merged[entry.key] = ModelStatus(key: entry.key, state: "unavailable", reason: "no model service reachable")
        }
        return merged.keys.sorted().map { merged[$0]! }
    }

    /// Scores `texts` on the first replica that answers: replicas not known to be down and whose breaker admits
    /// the call first, then (only if none answered) the rest.
    func predict(_ texts: [String], model: String?) async throws -> [Classification] {
        let start = turn.add(1, ordering: .relaxed).oldValue
        let rotated = replicas.indices.map { replicas[(start + $0) % replicas.count] }
        let ordered = rotated.filter(\.mayBeReachable) + rotated.filter { !$0.mayBeReachable }
        var skipped: [ModelServiceReplica] = []
        var lastError: (any Error)?
        for replica in ordered {
            let permission = replica.breaker.permission()
            guard permission != .rejected else {
                skipped.append(replica)
                continue
            }
            do {
                return try await attempt(replica, texts, model: model, permission: permission)
            } catch {
                lastError = error
            }
        }
        // Every replica's own breaker is open: the overall breaker still admitted this call, so try them anyway.
        for replica in skipped {
            try Task.checkCancellation()
            do {
                return try await attempt(replica, texts, model: model, permission: .rejected)
            } catch {
                lastError = error
            }
        }
        throw lastError ?? ModelDeclined(reason: "no model service is configured")
    }

    private func attempt(_ replica: ModelServiceReplica, _ texts: [String], model: String?,
                         permission: CircuitBreaker.Permission) async throws -> [Classification] {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let answer = try await replica.client.predict(texts, model: model)
            replica.breaker.record(success: true, permission: permission, duration: start.duration(to: clock.now))
            return answer.results
        } catch let declined as ModelDeclined {
            replica.breaker.record(success: true, permission: permission)
            throw declined
        } catch {
            replica.breaker.record(success: false, permission: permission)
            if let failure = error as? ModelServiceFailure, failure.connectionLost {
                replica.noteUnreachable(failure, checked: false)  // prefer the others until a health check passes
            }
            throw error
        }
    }

    private func noteReported(_ reports: [ReplicaReadiness]) {
        guard !reports.isEmpty else { return }
        reportedKeys.withLock { keys in
            for report in reports {
                keys.insert(report.defaultModel)
                keys.formUnion(report.models.map(\.key))
            }
        }
    }

    var replicaStatuses: [ModelServiceReplicaStatus] { replicas.map(\.status) }
}

/// A model served by the replicas, as the prediction service sees it.
struct RemoteModel: SentimentModel {
    let key: String
    /// The key sent to the service; nil lets the service answer with its default.
    let forwardedKey: String?
    let provider: RemoteModelProvider

    func classify(_ texts: [String]) async throws -> [Classification] {
        try await provider.predict(texts, model: forwardedKey)
    }
}
