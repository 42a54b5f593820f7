import Foundation

/// A calendar date without a time or zone, as people give the start of a position ("2023-08-07").
/// Stored as its ISO text, which sorts in date order.
public struct Day: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD` only; anything else is nil.
    public init?(_ text: String) {
        guard let day = Day.parse(text, wholeText: true) else { return nil }
        self = day
    }

    /// The day a local time stored as text starts with ("2023-08-07T17:00" → 7 August 2023).
    /// (A static function, not an initialiser: `Day.init` is passed to `flatMap` as the text's reader.)
    public static func ofLocalTime(_ localTime: String) -> Day? {
        parse(localTime, wholeText: false)
    }

    /// Read from the text's bytes, ASCII digits only: the reach index reads 300,000 of these when it loads,
    /// and splitting the text into strings and asking each character's Unicode properties was a tenth of it.
    private static func parse(_ text: String, wholeText: Bool) -> Day? {
        var text = text
        return text.withUTF8 { utf8 -> Day? in
            guard wholeText ? utf8.count == 10 : utf8.count >= 10,
                  utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(utf8[index]) - Int(UInt8(ascii: "0"))
                    guard (0 ... 9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0 ..< 4), let month = number(5 ..< 7), let day = number(8 ..< 10) else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    /// The day a moment falls on in UTC ("today" for records, status steps and "current" positions).
    public init(utc date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: c.year!, month: c.month!, day: c.day!)!
    }

    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: 4 - y.count) + y + "-" + (m.count == 1 ? "0" : "") + m + "-" + (d.count == 1 ? "0" : "") + d
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A span of days, open at either end. "The title this person held on date D" asks whether D is inside.
public struct DaySpan: Equatable, Sendable, Codable {
    public var from: Day?
    public var to: Day?

    public init(from: Day?, to: Day?) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }

    public var isValid: Bool {
        guard let from, let to else { return true }
        return from <= to
    }
}
