import Foundation

/// Parses the date formats feeds and HTTP headers use: RFC 822 / 1123 (RSS `pubDate`, `Retry-After`)
/// and RFC 3339 (Atom `updated` / `published`). Lenient where feeds commonly are: the weekday is optional,
/// seconds are optional, years may have two digits, and an unknown zone name is read as UTC.
enum InternetDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zoneHours: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    /// `[Day, ]DD Mon YYYY HH:MM[:SS] [zone]`, e.g. `Tue, 10 Jun 2003 04:00:00 GMT` or `2 Jan 2024 10:00 +0100`.
    static func rfc822(_ text: String) -> Date? {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let comma = rest.firstIndex(of: ",") { rest = rest[rest.index(after: comma)...] }
        let fields = rest.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 4, let day = Int(fields[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(fields[1].prefix(3)).lowercased()),
              var year = Int(fields[2])
        else { return nil }
        if fields[2].count == 2 { year += year >= 50 ? 1900 : 2000 }
        let clock = fields[3].split(separator: ":").map { Int($0) }
        guard (2...3).contains(clock.count), let hour = clock[0], let minute = clock[1], (0...23).contains(hour),
              (0...59).contains(minute)
        else { return nil }
        let second = clock.count == 3 ? clock[2] : 0
        guard let second, (0...60).contains(second) else { return nil }
        let offset = fields.count > 4 ? zoneOffsetSeconds(String(fields[4])) : 0
        var components = DateComponents(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
        components.timeZone = TimeZone(identifier: "UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(-Double(offset))
    }

    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, e.g. `2024-01-02T10:00:00Z`.
    static func rfc3339(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed) { return date }
        return try? Date.ISO8601FormatStyle().parse(trimmed)
    }

    /// Either format: feeds mix them up.
    static func parse(_ text: String) -> Date? {
        rfc3339(text) ?? rfc822(text)
    }

    private static func zoneOffsetSeconds(_ zone: String) -> Int {
        if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            let seconds = (value / 100) * 3_600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        return (zoneHours[zone.lowercased()] ?? 0) * 3_600
    }
}
