import Foundation

/// iCalendar text (RFC 5545) for a read-only feed of events: the value escaping, the line folding and the
/// date forms, as plain functions over plain values, so calendar programs read what we write.
public enum ICalendar {
    /// When an event starts: a whole day when only the day is known, else an instant (written in UTC, so
    /// the feed needs no VTIMEZONE definitions and every client places it right).
    public enum Start: Sendable, Equatable {
        case day(Day)
        case instant(Date)
    }

    public struct Event: Sendable, Equatable {
        /// Stable per record, so a client updates the event instead of adding a copy on each refresh.
        public var uid: String
        public var start: Start
        public var durationMinutes: Int?
        public var summary: String
        public var location: String?
        public var description: String?
        public var url: String?
        public var lastModified: Date?
        /// Marks the event CONFIDENTIAL, a hint for shared calendars.
        public var isConfidential = false

        public init(uid: String, start: Start, durationMinutes: Int? = nil, summary: String, location: String? = nil,
                    description: String? = nil, url: String? = nil, lastModified: Date? = nil, isConfidential: Bool = false) {
            self.uid = uid
            self.start = start
            self.durationMinutes = durationMinutes
            self.summary = summary
            self.location = location
            self.description = description
            self.url = url
            self.lastModified = lastModified
            self.isConfidential = isConfidential
        }
    }

    /// A whole VCALENDAR: CRLF after every line, the last one included; lines folded at 75 octets.
    public static func document(name: String, events: [Event], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Roundtable//Engagements//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(name)]
        for event in events { lines += self.lines(event, stamp: stamp) }
        lines.append("END:VCALENDAR")
        var text = ""
        for line in lines { text += fold(line) + "\r\n" }
        return text
    }

    static func lines(_ event: Event, stamp: Date) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(stamp)]
        switch event.start {
        case .day(let day):
            lines.append("DTSTART;VALUE=DATE:" + date(day))
            // The end of an all-day event is exclusive: the next day.
            if let next = day.next { lines.append("DTEND;VALUE=DATE:" + date(next)) }
        case .instant(let start):
            lines.append("DTSTART:" + utc(start))
            if let minutes = event.durationMinutes, minutes > 0 { lines.append("DURATION:PT\(minutes)M") }
        }
        lines.append("SUMMARY:" + escape(event.summary))
        if let location = event.location, !location.isEmpty { lines.append("LOCATION:" + escape(location)) }
        if let description = event.description, !description.isEmpty { lines.append("DESCRIPTION:" + escape(description)) }
        // A URI, not TEXT: not escaped, but nothing that could end the line gets through.
        if let url = event.url, !url.isEmpty { lines.append("URL:" + String(url.unicodeScalars.filter { !isControl($0) && $0 != " " })) }
        if let modified = event.lastModified { lines.append("LAST-MODIFIED:" + utc(modified)) }
        if event.isConfidential { lines.append("CLASS:CONFIDENTIAL") }
        lines.append("END:VEVENT")
        return lines
    }

    /// TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash, every line
    /// break becomes `\n`, and other control characters (which TEXT may not hold) are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r":
                out += "\\n"
                if pending == "\n" { pending = scalars.next() }
            case "\n", "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            default: if !isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets, each continuation starting with
    /// one space (which counts), and never inside a multi-byte UTF-8 character.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }

    /// `YYYYMMDD`.
    static func date(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        let year = String(c.year ?? 1970)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension Day {
    /// The day after this one (nil after 9999-12-31).
    public var next: Day? {
        Day(year: year, month: month, day: day + 1) ?? Day(year: year, month: month + 1, day: 1) ?? Day(year: year + 1, month: 1, day: 1)
    }
}

extension LocalStart {
    /// An engagement given with a day alone reads as 00:00 (see `init?(_:)`); a calendar shows it as a whole day.
    public var isDayOnly: Bool { hour == 0 && minute == 0 }
}
