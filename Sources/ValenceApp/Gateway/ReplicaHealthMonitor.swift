import Logging
import ServiceLifecycle
import ValenceResilience

/// Checks every replica's GET /ready about once a second, so that the gateway notices a model service that
/// comes up (or back) within a second: a replica seen coming back turns its open breaker, and the overall one,
/// half-open at once — the next calls are probes — instead of waiting out the breaker timeout.
struct ReplicaHealthMonitor: Service {
    let replicas: [ModelServiceReplica]
    let overall: CircuitBreaker
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await checkAll()
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One round of checks, all replicas at once.
    func checkAll() async {
        await withTaskGroup(of: Void.self) { group in
            for replica in replicas {
                group.addTask { await check(replica) }
            }
        }
    }

    private func check(_ replica: ModelServiceReplica) async {
        do {
            let readiness = try await replica.client.readiness()
            if replica.noteHealthy(readiness) {
                logger.info("model service is up", metadata: ["replica.url": "\(replica.url)",
                                                              "model.default": "\(readiness.defaultModel)"])
                replica.breaker.recovered()
                overall.recovered()
            }
        } catch {
            let wasUp = replica.mayBeReachable
            replica.noteUnreachable(error, checked: true)
            if wasUp {
                logger.warning("model service is unreachable", metadata: ["replica.url": "\(replica.url)", "error": "\(error)"])
            }
        }
    }
}
