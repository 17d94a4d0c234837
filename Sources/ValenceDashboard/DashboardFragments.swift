/// Renders each part of the dashboard as an HTML fragment: the page embeds them, the live stream sends them.
/// Every text that comes from data is escaped.
public enum DashboardFragments {
    /// The `id` of the element holding the "data unavailable" banner.
    public static let bannerID = "banner"
    /// The `id` of the element holding the "last updated" time.
    public static let updatedID = "updated"

    /// The fragments one live update carries, keyed by element id: every panel, an empty banner and the time
    /// when data is available; only the banner when it is not (the panels keep their last values).
    public static func update(for state: DashboardState) -> [String: String] {
        switch state {
        case .available(let snapshot):
            var fragments = [bannerID: "", updatedID: HTMLText.escape(UTCTime.full(snapshot.generatedAt))]
            for section in DashboardSection.allCases {
                fragments[section.rawValue] = panel(section, snapshot: snapshot)
            }
            return fragments
        case .unavailable(let reason):
            return [bannerID: banner(reason: reason)]
        }
    }

    /// The "data unavailable: <reason>" banner.
    public static func banner(reason: String) -> String {
        "<p class=\"unavailable\" role=\"alert\">data unavailable: \(HTMLText.escape(reason))</p>"
    }

    /// A panel's inner HTML: its heading and its content, or "no data" without a snapshot.
    public static func panel(_ section: DashboardSection, snapshot: DashboardSnapshot?) -> String {
        let heading = "<h2>\(HTMLText.escape(section.title))</h2>"
        guard let snapshot else { return heading + "<p class=\"muted\">no data</p>" }
        switch section {
        case .summary: return heading + summary(snapshot.totals)
        case .trend: return heading + SVGChart.trend(snapshot.trend)
        case .distribution: return heading + distribution(snapshot.distribution)
        case .models: return heading + models(snapshot.models)
        case .breaker: return heading + breaker(snapshot.breaker)
        case .system: return heading + system(snapshot.system)
        case .alerts: return heading + alerts(snapshot.alerts)
        }
    }

    static func summary(_ totals: DashboardTotals) -> String {
        definitionList([
            ("predictions", String(totals.predictions)),
            ("change vs previous period", NumberText.change(totals.predictionsChangePercent)),
            ("mean response time", NumberText.milliseconds(totals.averageResponseMs)),
            ("answered by fallback", NumberText.percent(totals.fallbackPercent)),
        ], className: "cards")
    }

    static func distribution(_ distribution: DashboardDistribution) -> String {
        SVGChart.distribution(distribution) + definitionList([
            ("positive", NumberText.percent(distribution.positivePercent)),
            ("negative", NumberText.percent(distribution.negativePercent)),
            ("neutral", NumberText.percent(distribution.neutralPercent)),
        ], className: "figures")
    }

    static func models(_ models: [DashboardModelRow]) -> String {
        guard !models.isEmpty else { return SVGChart.placeholder() }
        let rows = models.map { row in
            [row.key, row.status, NumberText.percent(row.sharePercent), String(row.predictions),
             NumberText.milliseconds(row.averageLatencyMs), row.p95LatencyMs.map(NumberText.milliseconds) ?? "–"]
        }
        return "<div class=\"pair\"><figure><figcaption>share of predictions</figcaption>\(SVGChart.modelShare(models))</figure>"
            + "<figure><figcaption>mean latency</figcaption>\(SVGChart.modelLatency(models))</figure></div>"
            + table(header: ["model", "status", "share", "predictions", "mean", "p95"], rows: rows)
    }

    static func breaker(_ breaker: DashboardBreaker) -> String {
        "<p class=\"breaker state-\(breaker.state.rawValue)\">\(HTMLText.escape(breaker.state.rawValue))</p>"
            + definitionList([
                ("recent failures", String(breaker.recentFailures)),
                ("activations in period", String(breaker.activations)),
                ("last transition", breaker.lastTransition.map(UTCTime.full) ?? "never"),
            ], className: "figures")
    }

    static func system(_ metrics: [DashboardSystemMetric]) -> String {
        guard !metrics.isEmpty else { return "<p class=\"muted\">no system figures</p>" }
        return definitionList(metrics.map { ($0.name, $0.value) }, className: "figures")
    }

    static func alerts(_ alerts: [DashboardAlert]) -> String {
        guard !alerts.isEmpty else { return "<p class=\"muted\">no alerts</p>" }
        let rows = alerts.map { [$0.severity, $0.state.rawValue, $0.rule, $0.message, UTCTime.full($0.startedAt), $0.id] }
        return table(header: ["severity", "state", "rule", "message", "started", "id"], rows: rows,
                     rowClasses: alerts.map { "alert-\($0.state.rawValue)" })
    }

    private static func definitionList(_ pairs: [(String, String)], className: String) -> String {
        "<dl class=\"\(className)\">"
            + pairs.map { "<div><dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd></div>" }.joined()
            + "</dl>"
    }

    private static func table(header: [String], rows: [[String]], rowClasses: [String] = []) -> String {
        let head = header.map { "<th>\(HTMLText.escape($0))</th>" }.joined()
        let body = rows.enumerated().map { index, cells in
            let rowClass = index < rowClasses.count ? " class=\"\(HTMLText.escape(rowClasses[index]))\"" : ""
            return "<tr\(rowClass)>" + cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>"
        }.joined()
        return "<table><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }
}
