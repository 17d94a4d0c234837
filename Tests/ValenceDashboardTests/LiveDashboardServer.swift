import Hummingbird
import Logging
import ServiceLifecycle
import ValenceDashboard

/// A dashboard served for real on 127.0.0.1 (ephemeral port) inside a `ServiceGroup`, shut down gracefully
/// when the body returns (or throws).
struct LiveDashboardServer: Sendable {
    let port: Int
    let serviceGroup: ServiceGroup

    var baseURL: String { "http://127.0.0.1:\(port)" }

    static func with<Value: Sendable>(
        source: any DashboardSource,
        updateInterval: Duration,
        maximumStreamDuration: Duration,
        routes addRoutes: (Router<BasicRequestContext>) -> Void = { _ in },
        _ body: @Sendable (LiveDashboardServer) async throws -> Value
    ) async throws -> Value {
        let router = Router()
        DashboardRoutes(source: source, updateInterval: updateInterval, maximumStreamDuration: maximumStreamDuration).register(on: router)
        addRoutes(router)
        var logger = Logger(label: "dashboard-test")
        logger.logLevel = .error
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        let serviceGroup = ServiceGroup(services: [application], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serviceGroup.run() }
            do {
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next(), port > 0 else { throw LiveServerError.noPort }
                let value = try await body(LiveDashboardServer(port: port, serviceGroup: serviceGroup))
                await serviceGroup.triggerGracefulShutdown()
                try await group.waitForAll()
                return value
            } catch {
                await serviceGroup.triggerGracefulShutdown()
                group.cancelAll()
                throw error
            }
        }
    }

    enum LiveServerError: Error { case noPort }
}
