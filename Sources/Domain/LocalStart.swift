import Foundation

/// When an engagement began, as people there read the clock: a day, a time, and the place's time zone.
/// "8 August 2023, 10:00 in Mitrovica" stays 10:00 whoever reads it later; the instant it stands for is
/// kept too, so that engagements in different zones sort in the order they happened.
public struct LocalStart: Hashable, Sendable, CustomStringConvertible {
    public let day: Day
    public let hour: Int
    public let minute: Int

    public init?(day: Day, hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// `YYYY-MM-DDTHH:MM` (what an HTML `datetime-local` field sends) or with a space for the `T`;
    /// a day alone means the start of that day is not known and reads as 00:00.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        if let day = Day(trimmed) {
            self.init(day: day, hour: 0, minute: 0)
            return
        }
        let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let day = Day(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock[0].count == 2, clock[1].count == 2,
              clock.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
        self.init(day: day, hour: hour, minute: minute)
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String {
        day.description + "T" + (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// `HH:MM`.
    public var clock: String { String(description.suffix(5)) }

    /// The instant this wall-clock time stands for in `zone`. In the hour skipped when clocks go forward,
    /// the next valid time is taken.
    public func instant(in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// A time zone by its IANA name ("Europe/Belgrade", "UTC"); nil for names the system does not know.
    public static func zone(named name: String) -> TimeZone? {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        return TimeZone(identifier: trimmed)
    }
}
