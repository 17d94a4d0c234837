import Foundation
import Hummingbird
import Testing
import ValenceDashboard

@Suite("Dashboard in a real headless browser")
struct BrowserTests {
    /// A test-only page that shows /dashboard in a frame, waits in real time until the dashboard's script
    /// marks itself connected (or 15 s pass), and posts the frame's DOM back to the server.
    static let probePage = """
    <!doctype html><html><body><iframe id="dashboard" src="/dashboard" width="1200" height="900"></iframe><script>
    var started = Date.now();
    function check() {
      var frame = document.getElementById("dashboard").contentDocument;
      var live = frame && frame.body ? frame.body.getAttribute("data-live") : null;
      if (live === "connected" || Date.now() - started > 15000) {
        fetch("/probe/report", { method: "POST", body: frame ? frame.documentElement.outerHTML : "no frame" });
      } else {
        setTimeout(check, 50);
      }
    }
    check();
    </script></body></html>
    """

    @Test(
        "the live stream replaces the server-rendered panels in a real browser",
        .enabled(if: HeadlessBrowser.installed != nil || HeadlessBrowser.isRequired, "no Chromium on PATH (apt-get install chromium-headless-shell)"),
        .timeLimit(.minutes(1))
    )
    func liveUpdateInBrowser() async throws {
        guard let executable = HeadlessBrowser.installed else {
            Issue.record("VALENCE_REQUIRE_BROWSER=1 but none of \(HeadlessBrowser.candidates) is on PATH; install Debian's chromium-headless-shell")
            return
        }
        let first = Fixtures.snapshot(alertMessage: "first alert, server-rendered", predictions: 1_111)
        let later = Fixtures.snapshot(alertMessage: "second alert, from the live stream", predictions: 2_222)
        let source = ChangingSource(first: first, later: later)
        let (reports, reportContinuation) = AsyncStream.makeStream(of: String.self)

        let dom = try await LiveDashboardServer.with(
            source: source, updateInterval: .milliseconds(200), maximumStreamDuration: .seconds(60),
            routes: { router in
                router.get("/probe") { _, _ in
                    Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: Self.probePage)))
                }
                router.post("/probe/report") { request, _ -> HTTPResponse.Status in
                    reportContinuation.yield(String(buffer: try await request.body.collect(upTo: 4_000_000)))
                    return .ok
                }
            }
        ) { server in
            try await HeadlessBrowser(executable: executable).whileShowing("\(server.baseURL)/probe") {
                try await Self.first(of: reports, within: .seconds(30))
            }
        }

        #expect(dom.contains("data-live=\"connected\""), "the dashboard's script never received a live event")
        #expect(dom.contains("second alert, from the live stream"))
        #expect(!dom.contains("first alert, server-rendered"))
        #expect(dom.contains("2222"))
        #expect(await source.calls >= 2)
    }

    /// The first element of `stream`, or an error after `limit`.
    private static func first(of stream: AsyncStream<String>, within limit: Duration) async throws -> String {
        try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            let result = try await group.next() ?? nil
            group.cancelAll()
            guard let result else { throw BrowserTestError.noReport(limit) }
            return result
        }
    }

    enum BrowserTestError: Error { case noReport(Duration) }
}
