import Foundation

/// What each language writes for a day, written once a process and kept. Foundation's `Date.FormatStyle`
/// took about 13 µs a day on Linux (`perf`: 4.6 % of the people list, where each row names a last contact,
/// and a tenth of the engagement list, where each row names a start). A record holds few distinct days, a few
/// thousand over its years in four languages, so each is kept once written.
final class DayMemo<Value: Sendable>: @unchecked Sendable {
    /// Far more days than a record holds; past it the memo starts again rather than grow.
    let limit = 50_000

    private struct Key: Hashable {
        let language: Language
        let day: Day
    }

    private let lock = NSLock()
    private var written: [Key: Value] = [:]

    func value(of day: Day, in language: Language, writing: () -> Value) -> Value {
        let key = Key(language: language, day: day)
        if let known = lock.withLock({ written[key] }) { return known }
        let value = writing()
        lock.withLock {
            if written.count >= limit { written.removeAll(keepingCapacity: true) }
            written[key] = value
        }
        return value
    }
}

enum DayNames {
    /// A day in full: "7 August 2023", "7 gusht 2023", "7. август 2023.".
    static let long = DayMemo<String>()
    /// A day with a time of day, as the words around the time ("8 Aug 2023 at " and ""), or nil where the
    /// language's words could not be parted that way and each time is written whole.
    static let aroundTime = DayMemo<ClockTemplate?>()
}

/// A day and time as a language writes them, with the time left out: the time is the only part that differs
/// between two moments of one day, and it is always written "HH:mm" (asked for with two digits and no AM/PM).
struct ClockTemplate: Sendable {
    let before: String
    let after: String

    /// Parted around the time in the day's words at midnight ("8 Aug 2023 at 00:00"); nil when "00:00" is not
    /// in them exactly once.
    init?(atMidnight words: String) {
        let midnight = "00:00"
        guard let range = words.firstRange(of: midnight),
              words[range.upperBound...].firstRange(of: midnight) == nil else { return nil }
        before = String(words[..<range.lowerBound])
        after = String(words[range.upperBound...])
    }

    func words(hour: Int, minute: Int) -> String {
        before + Self.twoDigits(hour) + ":" + Self.twoDigits(minute) + after
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }
}

/// The day, hour and minute of a moment in UTC, counted from its seconds since 1970 (days by Howard Hinnant's
/// `civil_from_days`), where Foundation's calendar took longer than writing the words. Only from 1900 on:
/// before 1582 Foundation's calendar is Julian, and the record holds nothing so old.
struct UTCMinute: Equatable {
    let day: Day
    let hour: Int
    let minute: Int

    init?(_ date: Date) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 1e12 else { return nil }
        let whole = Int(seconds)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let inDay = whole - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard year >= 1900, let day = Day(year: year, month: month, day: dayOfYear - (153 * shiftedMonth + 2) / 5 + 1) else {
            return nil
        }
        self.day = day
        hour = inDay / 3_600
        minute = inDay % 3_600 / 60
    }
}
