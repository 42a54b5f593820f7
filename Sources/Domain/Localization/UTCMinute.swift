import Foundation

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
