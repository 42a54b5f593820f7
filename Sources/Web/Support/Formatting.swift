import Foundation

/// Dates and times as pages show them. UTC for now; the user's time zone and locale come later.
enum Formatting {
    static func time(_ secondsSince1970: Double) -> String {
        dateTime(Date(timeIntervalSince1970: secondsSince1970))
    }

    static func dateTime(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    static func isoDateTime(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// `YYYY-MM-DD` → the start of that day in UTC.
    static func parseDay(_ raw: String) -> Date? {
        let parts = raw.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let components = DateComponents(calendar: .utc, timeZone: TimeZone(identifier: "UTC"), year: y, month: m, day: d)
        guard let date = Calendar.utc.date(from: components),
              Calendar.utc.component(.day, from: date) == d else { return nil }
        return date
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
