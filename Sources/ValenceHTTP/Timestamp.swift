import Foundation

/// ISO-8601 UTC timestamps with milliseconds, e.g. `2026-11-28T01:02:03.456Z`.
public enum Timestamp {
    public static func iso8601(_ date: Date) -> String {
        date.formatted(style)
    }

    /// Parses an ISO-8601 time with or without fractional seconds (`2026-11-28T01:02:03Z`, `…03.456Z`), or a
    /// bare UTC date (`2026-11-28`).
    public static func parse(_ text: String) -> Date? {
        (try? style.parse(text)) ?? (try? Date.ISO8601FormatStyle(timeZone: utc).parse(text))
            ?? (try? Date.ISO8601FormatStyle(timeZone: utc).year().month().day().parse(text))
    }

    private static let utc = TimeZone(identifier: "UTC")!
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
}
