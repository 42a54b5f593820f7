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
