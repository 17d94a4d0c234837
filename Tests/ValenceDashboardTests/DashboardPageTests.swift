import Foundation
import Testing
import ValenceDashboard

@Suite("Dashboard page and fragments")
struct DashboardPageTests {
    @Test("every panel is a server-rendered section, and nothing is loaded from elsewhere")
    func panels() {
        let html = DashboardPage.html(state: .available(Fixtures.snapshot()))
        #expect(html.hasPrefix("<!doctype html>"))
        for section in DashboardSection.allCases {
            #expect(SVGGeometry.count("<section id=\"\(section.rawValue)\"", in: html) == 1, "\(section)")
        }
        #expect(html.contains("1234"))
        #expect(html.contains("distilbert-sentiment"))
        #expect(html.contains("half-open"))
        #expect(html.contains("queue depth"))
        #expect(html.contains("2025-11-28 10:00:00 UTC"))
        #expect(html.contains("<svg class=\"chart trend\""))
        #expect(html.contains("new EventSource"))
        for external in ["src=", "href=", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
    }

    @Test("a <script> in an alert message or a model key comes out as inert text")
    func escaping() {
        var snapshot = Fixtures.snapshot(alertMessage: "<script>alert('x')</script> & \"more\"")
        snapshot.models[0].key = "<img onerror=alert(1)>"
        snapshot.system.append(DashboardSystemMetric(name: "<b>db</b>", value: "<i>up</i>"))
        let html = DashboardPage.html(state: .available(snapshot))
        let fragments = DashboardFragments.update(for: .available(snapshot)).values.joined()
        for text in [html, fragments] {
            #expect(SVGGeometry.count("<script>", in: text) == (text == html ? 1 : 0))
            #expect(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"))
            #expect(!text.contains("<img"))
            #expect(text.contains("&lt;img onerror=alert(1)&gt;"))
            #expect(!text.contains("<b>db</b>") && !text.contains("<i>up</i>"))
        }
    }

    @Test("an empty snapshot renders every panel with its placeholder")
    func emptySnapshot() {
        let html = DashboardPage.html(state: .available(DashboardSnapshot(generatedAt: Fixtures.start)))
        for section in DashboardSection.allCases {
            #expect(html.contains("<section id=\"\(section.rawValue)\""))
        }
        #expect(SVGGeometry.count("no predictions yet", in: html) >= 3)
        #expect(html.contains("no alerts"))
        #expect(html.contains("n/a"))
        #expect(!html.contains("data unavailable"))
    }

    @Test("an unavailable source shows the banner with its escaped reason and every panel without data")
    func unavailable() {
        let html = DashboardPage.html(state: .unavailable(reason: "database <down>"))
        #expect(html.contains("data unavailable: database &lt;down&gt;"))
        #expect(SVGGeometry.count("no data", in: html) == DashboardSection.allCases.count)
        #expect(DashboardFragments.update(for: .unavailable(reason: "x")) == ["banner": DashboardFragments.banner(reason: "x")])
    }

    @Test("a live update carries every panel, a cleared banner and the time")
    func update() {
        let fragments = DashboardFragments.update(for: .available(Fixtures.snapshot()))
        #expect(Set(fragments.keys) == Set(DashboardSection.allCases.map(\.rawValue) + ["banner", "updated"]))
        #expect(fragments["banner"] == "")
        #expect(fragments["updated"] == "2025-11-28 10:00:00 UTC")
        #expect(fragments["alerts"]?.contains("negative_spike") == true)
    }

    @Test("a failing source becomes an unavailable state with the error's description")
    func loadFailure() async {
        #expect(await DashboardState.load(from: FailingSource()) == .unavailable(reason: "database unreachable <db01>"))
        #expect(await DashboardState.load(from: FixedSource(value: Fixtures.snapshot())) == .available(Fixtures.snapshot()))
    }
}
