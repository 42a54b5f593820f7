import Foundation

/// The days a period report covers, both ends included, and the period it is compared with: the same
/// number of days just before (a calendar year is compared with the year before, a quarter with the
/// quarter before when they have the same length).
public struct ReportPeriod: Equatable, Sendable, Codable {
    public let from: Day
    public let to: Day

    /// Nil when the end comes before the start, the period is longer than ten years, or it lies outside
    /// 1900–2999 (so that it and the period before it stay in the calendar).
    public init?(from: Day, to: Day) {
        guard from <= to, from.year >= 1900, to.year <= 2999, from.adding(days: 3_660) > to else { return nil }
        self.from = from
        self.to = to
    }

    public var days: Int { from.days(until: to) + 1 }

    /// Whole years are compared with as many whole years before, a year so far with the same days a year
    /// earlier ("this year with last"); anything else with as many days just before.
    public var previous: ReportPeriod {
        if from.month == 1, from.day == 1, to.month == 12, to.day == 31,
           let start = Day(year: from.year - (to.year - from.year + 1), month: 1, day: 1), let end = Day(year: from.year - 1, month: 12, day: 31) {
            return ReportPeriod(from: start, to: end)!
        }
        if from.month == 1, from.day == 1, to.year == from.year, let start = Day(year: from.year - 1, month: 1, day: 1),
           let end = Day(year: to.year - 1, month: to.month, day: min(to.day, Day.daysIn(month: to.month, year: to.year - 1))) {
            return ReportPeriod(from: start, to: end)!
        }
        let end = from.adding(days: -1)
        return ReportPeriod(from: end.adding(days: -(days - 1)), to: end)!
    }

    /// The months the period touches, as `YYYY-MM`, in order.
    public var months: [String] {
        var months: [String] = []
        var year = from.year, month = from.month
        while (year, month) <= (to.year, to.month) {
            months.append(String(format: "%04d-%02d", year, month))
            month += 1
            if month == 13 { month = 1; year += 1 }
        }
        return months
    }

    /// The calendar year of a day.
    public static func year(of day: Day) -> ReportPeriod {
        ReportPeriod(from: Day(year: day.year, month: 1, day: 1)!, to: Day(year: day.year, month: 12, day: 31)!)!
    }
}

extension Day {
    /// Midnight at the start of this day in UTC.
    public var utcStart: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    public func adding(days: Int) -> Day {
        Day(utc: utcStart.addingTimeInterval(Double(days) * 86_400))
    }

    /// Days from this one to another (negative when the other is earlier).
    public func days(until other: Day) -> Int {
        Int(((other.utcStart.timeIntervalSince(utcStart)) / 86_400).rounded())
    }
}
