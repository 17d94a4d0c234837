import Hummingbird
import HummingbirdTesting
import Testing
import ValenceDashboard

@Suite("Dashboard stream and graceful shutdown")
struct GracefulShutdownTests {
    @Test("an open event stream ends when the server shuts down gracefully instead of holding shutdown open", .timeLimit(.minutes(1)))
    func streamEndsOnShutdown() async throws {
        let source = ChangingSource(first: Fixtures.snapshot(), later: Fixtures.snapshot(predictions: 99))
        let started = ContinuousClock.now
        let body = try await LiveDashboardServer.with(source: source, updateInterval: .milliseconds(100), maximumStreamDuration: .seconds(600)) { server in
            try await withThrowingTaskGroup(of: String.self) { group in
                group.addTask {
                    try await TestClient.withClient(host: "127.0.0.1", port: server.port) { client in
                        String(buffer: try await client.get("/dashboard/events").body ?? ByteBuffer())
                    }
                }
                // Wait until the stream has sent a few events, then shut down while it is open.
                for _ in 0..<100 where await source.calls < 3 {
                    try await Task.sleep(for: .milliseconds(20))
                }
                await server.serviceGroup.triggerGracefulShutdown()
                return try await group.next() ?? ""
            }
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        let events = ParsedEvent.parse(body)
        #expect(events.count >= 2) // the third read may be cut short by the shutdown itself
        #expect(events.last?.fragments?["summary"]?.contains("99") == true)
    }
}
