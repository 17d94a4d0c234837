import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import ValenceResilience
import ValenceStorage

/// The gateway's side of the model services: one HTTP client (pooled connections), a replica with its own
/// breaker per URL, the provider over them and the services that keep them healthy and close the client.
struct RemoteModels {
    let provider: RemoteModelProvider
    let services: [any Service]

    init(configuration: ServeConfiguration, overall: CircuitBreaker, events: BufferedWriter<BreakerEvent>,
         logger: Logger) throws {
        var client = HTTPClient.Configuration()
        client.timeout = .init(connect: .milliseconds(configuration.modelServiceConnectTimeout.inMilliseconds.int64),
                               read: .milliseconds(configuration.modelServiceTimeout.inMilliseconds.int64))
        client.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: client)
        let replicas = configuration.modelServiceURLs.map { url in
            ModelServiceReplica(
                client: ModelServiceClient(baseURL: url, http: http, requestTimeout: configuration.modelServiceTimeout,
                                           healthTimeout: .seconds(1)),
                breaker: makeBreaker(configuration.breaker, scope: url, events: events, logger: logger)
            )
        }
        provider = RemoteModelProvider(replicas: replicas, defaultModelKey: configuration.resolvedDefaultModel,
                                       catalog: configuration.catalog)
        services = [
            ReplicaHealthMonitor(replicas: replicas, overall: overall, interval: .milliseconds(500), logger: logger),
            ShutdownService { try await http.shutdown() },
        ]
    }
}

extension Double {
    /// Rounded up to a whole number, for NIO time amounts.
    var int64: Int64 { Int64(rounded(.up)) }
}
