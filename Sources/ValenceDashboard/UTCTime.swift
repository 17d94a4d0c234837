import Foundation

/// Times as the dashboard prints them: always UTC, independent of the server's time zone and locale.
enum UTCTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    private static func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    /// "2025-11-28 09:14:03 UTC".
    static func full(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d UTC", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }

    /// "09:14" — an axis label inside one day.
    static func clock(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%02d:%02d", p.hour ?? 0, p.minute ?? 0)
    }

    /// "11-28 09:14" — an axis label for spans longer than a day.
    static func dayAndClock(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%02d-%02d %02d:%02d", p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }
}
