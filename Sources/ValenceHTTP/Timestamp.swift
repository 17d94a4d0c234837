import Foundation

/// ISO-8601 UTC timestamps with milliseconds, e.g. `2026-11-28T01:02:03.456Z`.
public enum Timestamp {
    public static func iso8601(_ date: Date) -> String {
        date.formatted(style)
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
}
