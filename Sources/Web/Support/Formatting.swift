import Foundation

/// Dates as machines read them (ISO) and as forms accept them. For people, `Localizer.day` and
/// `Localizer.dateTime` write them in the reader's language.
enum Formatting {
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
