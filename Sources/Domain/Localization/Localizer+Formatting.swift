import Foundation

/// Dates, times and numbers as the reader's language writes them ("7 gusht 2023", "7. август 2023.",
/// "12 345", "12.345"), from Foundation's formatters with Kosovo's locales. Times are in UTC, as the
/// record keeps them. Machines (the API, CSV, iCalendar) keep ISO; these are for people.
extension Localizer {
    public var locale: Locale { Locale(identifier: language.localeIdentifier) }

    public func number(_ value: Int) -> String {
        // Four-digit numbers stay ungrouped in Albanian and Serbian ("2023", "1500"), as CLDR says.
        value.formatted(.number.locale(locale))
    }

    /// A calendar day in full: "7 August 2023".
    public func day(_ day: Day) -> String {
        DayNames.shared.name(of: day, in: language) {
            guard let date = day.startInUTC else { return day.description }
            return date.formatted(Self.dayStyle(locale))
        }
    }

    /// A moment to the minute: "7 Aug 2023, 14:05".
    public func dateTime(_ date: Date) -> String {
        date.formatted(Self.dateTimeStyle(locale))
    }

    static func dayStyle(_ locale: Locale) -> Date.FormatStyle {
        Date.FormatStyle(date: .long, time: .omitted, locale: locale, calendar: Self.gregorian, timeZone: .utcZone)
    }

    static func dateTimeStyle(_ locale: Locale) -> Date.FormatStyle {
        // A 24-hour clock with two digits, as it is read in Kosovo and Serbia (and on a British page).
        Date.FormatStyle(locale: locale, calendar: Self.gregorian, timeZone: .utcZone)
            .day().month(.abbreviated).year().hour(.twoDigits(amPM: .omitted)).minute(.twoDigits)
    }

    static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .utcZone
        return calendar
    }()
}

extension TimeZone {
    static let utcZone = TimeZone.gmt
}

extension Day {
    /// Midnight UTC at the start of the day.
    public var startInUTC: Date? {
        Localizer.gregorian.date(from: DateComponents(year: year, month: month, day: day))
    }
}

extension Localizer {
    /// A span of days: one day when it starts and ends on the same one.
    public func days(_ from: Day, _ to: Day) -> String {
        from == to ? day(from) : day(from) + " – " + day(to)
    }
}

extension Localizer {
    /// A day kept as ISO text ("2023-08-07"); text that is not a day is shown as it is.
    public func day(iso: String) -> String {
        Day(String(iso.prefix(10))).map { day($0) } ?? iso
    }

    /// A wall-clock time where something happened, kept as "2023-08-08T10:00" (no zone): "8 Aug 2023, 10:00".
    public func wallClock(_ local: String) -> String {
        let parts = local.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" || $0 == " " }).compactMap { Int($0) }
        guard parts.count >= 5,
              let date = Self.gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                                                  hour: parts[3], minute: parts[4])) else { return local }
        return dateTime(date)
    }
}

extension Localizer {
    /// A month kept as "2023-08": "Aug 2023", "gush 2023", "авг 2023.".
    public func month(iso: String) -> String {
        guard let day = Day(iso + "-01"), let date = day.startInUTC else { return iso }
        return date.formatted(Date.FormatStyle(locale: locale, calendar: Self.gregorian, timeZone: .utcZone)
            .month(.abbreviated).year())
    }
}
