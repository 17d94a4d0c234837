import Foundation
import Synchronization
import ValenceCore
import ValenceHTTP
import ValenceResilience

/// One model-service replica as the gateway sees it: its client, its own circuit breaker (which steers traffic
/// away from it while it fails) and what the last health check found.
final class ModelServiceReplica: Sendable {
    let client: ModelServiceClient
    let breaker: CircuitBreaker
    private let health = Mutex(Health())

    private struct Health {
        /// nil until the first check or call says otherwise.
        var reachable: Bool?
        var readiness: ReplicaReadiness?
        var lastError: String?
        var checkedAt: Date?
    }

    init(client: ModelServiceClient, breaker: CircuitBreaker) {
        self.client = client
        self.breaker = breaker
    }

    var url: String { client.baseURL }

    /// false only when the last check or call found it down.
    var mayBeReachable: Bool { health.withLock { $0.reachable != false } }

    var readiness: ReplicaReadiness? { health.withLock { $0.reachable == true ? $0.readiness : nil } }

    /// Records a passed health check; true when the replica was not known to be up before (it came back).
    func noteHealthy(_ readiness: ReplicaReadiness) -> Bool {
        health.withLock { health in
            let cameBack = health.reachable != true
            health = Health(reachable: true, readiness: readiness, lastError: nil, checkedAt: Date())
            return cameBack
        }
    }

    /// Records a failed health check or call.
    func noteUnreachable(_ error: any Error, checked: Bool) {
        health.withLock { health in
            health.reachable = false
            health.lastError = "\(error)"
            if checked { health.checkedAt = Date() }
        }
    }

    var status: ModelServiceReplicaStatus {
        let snapshot = health.withLock { $0 }
        return ModelServiceReplicaStatus(
            url: url, reachable: snapshot.reachable, lastError: snapshot.lastError, lastCheckedAt: snapshot.checkedAt,
            defaultModel: snapshot.readiness?.defaultModel, models: snapshot.readiness?.models ?? [],
            breaker: breaker
        )
    }
}
