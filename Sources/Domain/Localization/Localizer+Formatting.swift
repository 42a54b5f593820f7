import Foundation

/// Dates, times and numbers as the reader's language writes them ("7 gusht 2023", "7. август 2023.",
/// "12 345", "12.345"), from Foundation's formatters with Kosovo's locales. Times are in UTC, as the
/// record keeps them. Machines (the API, CSV, iCalendar) keep ISO; these are for people.
extension Localizer {
    public var locale: Locale { Locale(identifier: language.localeIdentifier) }

    public func number(_ value: Int) -> String {
        // Under a thousand, every language we ship writes a number's own digits (Latin ones, no separator):
        // most numbers a page shows (a search's counts, a list's pages), with no trip through ICU for each.
        if (0..<1000).contains(value) { return String(value) }
        // Four-digit numbers stay ungrouped in Albanian and Serbian ("2023", "1500"), as CLDR says.
        return value.formatted(.number.locale(locale))
    }

    /// A calendar day in full: "7 August 2023".
    public func day(_ day: Day) -> String {
        DayNames.long.value(of: day, in: language) {
            guard let date = day.startInUTC else { return day.description }
            return date.formatted(Self.dayStyle(locale))
        }
    }

    /// A moment to the minute: "7 Aug 2023, 14:05". The day's words are written once and kept, as for a
    /// wall-clock time; an audit trail's page names fifty moments.
    public func dateTime(_ date: Date) -> String {
        if let moment = UTCMinute(date),
           let template = DayNames.aroundTime.value(of: moment.day, in: language, writing: { clockTemplate(moment.day) }) {
            return template.words(hour: moment.hour, minute: moment.minute)
        }
        return formattedDateTime(date)
    }

    /// Foundation's words for a moment, each time anew.
    func formattedDateTime(_ date: Date) -> String {
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
    /// The day's words are written once and kept (`DayNames.aroundTime`); only the time is put in each time.
    public func wallClock(_ local: String) -> String {
        if let day = Day.ofLocalTime(local), let time = Self.timeOfDay(local),
           let template = DayNames.aroundTime.value(of: day, in: language, writing: { clockTemplate(day) }) {
            return template.words(hour: time.hour, minute: time.minute)
        }
        let parts = local.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" || $0 == " " }).compactMap { Int($0) }
        guard parts.count >= 5,
              let date = Self.gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2],
                                                                  hour: parts[3], minute: parts[4])) else { return local }
        return formattedDateTime(date)
    }

    private func clockTemplate(_ day: Day) -> ClockTemplate? {
        day.startInUTC.flatMap { ClockTemplate(atMidnight: formattedDateTime($0)) }
    }

    /// The hour and minute of "2023-08-08T10:00" or "2023-08-08 10:00" (seconds after them are not shown), read
    /// from its bytes; nil for anything else, which is then read the slow way.
    static func timeOfDay(_ local: String) -> (hour: Int, minute: Int)? {
        var local = local
        return local.withUTF8 { utf8 -> (Int, Int)? in
            guard utf8.count == 16 || (utf8.count == 19 && utf8[16] == UInt8(ascii: ":")),
                  utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "), utf8[13] == UInt8(ascii: ":") else { return nil }
            func digit(_ index: Int) -> Int? {
                let value = Int(utf8[index]) - Int(UInt8(ascii: "0"))
                return (0 ... 9).contains(value) ? value : nil
            }
            guard let h1 = digit(11), let h2 = digit(12), let m1 = digit(14), let m2 = digit(15),
                  h1 * 10 + h2 < 24, m1 * 10 + m2 < 60 else { return nil }
            return (h1 * 10 + h2, m1 * 10 + m2)
        }
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
