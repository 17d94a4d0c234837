import SQLKit

/// The WHERE clause of an analytics query: time range `[from, to)` on epoch seconds, source, model.
struct AnalyticsFilter {
    let query: AnalyticsQuery

    var whereClause: SQLQueryString {
        var clause: SQLQueryString = "WHERE 1 = 1"
        if let from = query.from { clause += " AND created_at >= \(bind: from.timeIntervalSince1970)" }
        if let to = query.to { clause += " AND created_at < \(bind: to.timeIntervalSince1970)" }
        if let source = query.source { clause += " AND source = \(bind: source)" }
        if let model = query.model { clause += " AND model = \(bind: model)" }
        return clause
    }
}
