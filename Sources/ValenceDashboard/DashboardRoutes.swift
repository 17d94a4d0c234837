import Hummingbird
import ServiceLifecycle

/// GET /dashboard (the page) and GET /dashboard/events (its live stream of server-sent events).
public struct DashboardRoutes: Sendable {
    /// Where the data comes from; read once per page and once per live update.
    public var source: any DashboardSource
    /// Time between live updates.
    public var updateInterval: Duration
    /// How long one live stream lasts before the server ends it (the browser reconnects); keeps every
    /// request bounded.
    public var maximumStreamDuration: Duration
    /// The reconnection delay the stream asks browsers to use (the `retry:` field).
    public var reconnectDelay: Duration

    /// Creates the routes; the defaults are a 2 s update interval, 10 min streams and a 3 s reconnection delay.
    public init(
        source: any DashboardSource,
        updateInterval: Duration = .seconds(2),
        maximumStreamDuration: Duration = .seconds(600),
        reconnectDelay: Duration = .seconds(3)
    ) {
        self.source = source
        self.updateInterval = updateInterval
        self.maximumStreamDuration = maximumStreamDuration
        self.reconnectDelay = reconnectDelay
    }

    /// Adds both routes to `router`. The stream also ends when the server shuts down gracefully, so an open
    /// dashboard never holds a shutdown open.
    public func register<Context: RequestContext>(on router: Router<Context>) {
        let source = source
        router.get("/dashboard") { _, _ in
            let page = DashboardPage.html(state: await DashboardState.load(from: source), eventsPath: "/dashboard/events")
            return Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: page))
            )
        }
        let events = DashboardEventStream(
            source: source, updateInterval: updateInterval, maximumDuration: maximumStreamDuration, reconnectDelay: reconnectDelay
        )
        router.get("/dashboard/events") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                body: .init(asyncSequence: events.cancelOnGracefulShutdown())
            )
        }
    }
}
