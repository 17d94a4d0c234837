/// The dashboard as one self-contained HTML document: inline CSS and a small inline script, nothing external.
///
/// Every panel is rendered on the server, so the page is complete without JavaScript; with it, the script
/// follows the live stream, replaces each panel's content, and marks `<body data-live="connected">` (or
/// `"reconnecting"` while the stream is down).
public enum DashboardPage {
    /// The full document for `state`; `eventsPath` is where the page's script opens its `EventSource`.
    public static func html(state: DashboardState, eventsPath: String = "/dashboard/events") -> String {
        let snapshot: DashboardSnapshot?
        let banner: String
        switch state {
        case .available(let value):
            snapshot = value
            banner = ""
        case .unavailable(let reason):
            snapshot = nil
            banner = DashboardFragments.banner(reason: reason)
        }
        let updated = snapshot.map { UTCTime.full($0.generatedAt) } ?? "never"
        let sections = DashboardSection.allCases.map { section in
            "<section id=\"\(section.rawValue)\" class=\"panel\">\(DashboardFragments.panel(section, snapshot: snapshot))</section>"
        }.joined(separator: "\n")
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Valence dashboard</title>
        <style>\(DashboardAssets.css)</style>
        </head>
        <body data-live="static" data-events="\(HTMLText.escape(eventsPath))">
        <header>
        <h1>Valence dashboard</h1>
        <p class="status">last updated <span id="\(DashboardFragments.updatedID)">\(HTMLText.escape(updated))</span>
        <span class="live-indicator" aria-live="polite"></span></p>
        <noscript><p class="muted">Live updates need JavaScript; reload the page for fresh data.</p></noscript>
        </header>
        <div id="\(DashboardFragments.bannerID)">\(banner)</div>
        <main>
        \(sections)
        </main>
        <script>\(DashboardAssets.script)</script>
        </body>
        </html>
        """
    }
}
