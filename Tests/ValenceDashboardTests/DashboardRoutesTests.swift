import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ValenceDashboard

@Suite("Dashboard routes")
struct DashboardRoutesTests {
    private func application(source: any DashboardSource, interval: Duration = .milliseconds(50), maximum: Duration = .milliseconds(230)) -> some ApplicationProtocol {
        let router = Router()
        DashboardRoutes(source: source, updateInterval: interval, maximumStreamDuration: maximum).register(on: router)
        return Application(router: router)
    }

    @Test("GET /dashboard serves the page as HTML")
    func page() async throws {
        try await application(source: FixedSource(value: Fixtures.snapshot())).test(.router) { client in
            try await client.execute(uri: "/dashboard", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("<section id=\"alerts\""))
                #expect(body.contains("negative_spike"))
            }
        }
    }

    @Test("GET /dashboard still answers 200 with a banner when the source fails")
    func pageWhenUnavailable() async throws {
        try await application(source: FailingSource()).test(.router) { client in
            try await client.execute(uri: "/dashboard", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("data unavailable: database unreachable &lt;db01&gt;"))
            }
        }
    }

    @Test("the event stream sends a snapshot at once, then one per interval, and ends after its maximum duration")
    func events() async throws {
        let started = ContinuousClock.now
        try await application(source: FixedSource(value: Fixtures.snapshot())).test(.router) { client in
            try await client.execute(uri: "/dashboard/events", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/event-stream")
                #expect(response.headers[.cacheControl] == "no-cache")
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("retry: 3000\nevent: snapshot\ndata: {"))
                let events = ParsedEvent.parse(body)
                // 230 ms at 50 ms: the first event, then four more (fewer on a busy machine, never unbounded).
                #expect((2...6).contains(events.count), "\(events.count) events")
                #expect(events.allSatisfy { $0.name == "snapshot" })
                #expect(events.dropFirst().allSatisfy { $0.retry == nil })
                let fragments = try #require(events.first?.fragments)
                #expect(Set(fragments.keys) == Set(DashboardSection.allCases.map(\.rawValue) + ["banner", "updated"]))
                #expect(fragments["alerts"]?.contains("negative_spike") == true)
            }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("the event stream sends the banner while the source fails")
    func eventsWhenUnavailable() async throws {
        try await application(source: FailingSource(), maximum: .milliseconds(20)).test(.router) { client in
            try await client.execute(uri: "/dashboard/events", method: .get) { response in
                #expect(response.status == .ok)
                let events = ParsedEvent.parse(String(buffer: response.body))
                #expect(events.count == 1)
                let fragments = try #require(events.first?.fragments)
                #expect(fragments == ["banner": DashboardFragments.banner(reason: "database unreachable <db01>")])
            }
        }
    }
}
