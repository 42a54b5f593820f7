/// How values are written in the spreadsheets our users keep, read into the record's forms.
public enum SpreadsheetCell {
    /// A day as ISO (2024-03-05) or as written across the region, day first (5.3.2024, 05.03.2024.,
    /// 5/3/2024). Month-first American dates are not guessed at: 3/5/2024 is the 3rd of May.
    public static func day(_ text: String) -> Day? {
        let text = text.trimmingWhitespace()
        if let day = Day(text) { return day }
        var trimmed = Substring(text)
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        for separator: Character in [".", "/"] {
            let parts = trimmed.split(separator: separator, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { continue }
            return Day(year: y, month: m, day: d)
        }
        return nil
    }

    /// A time of day: 9:30, 09:30, 9.30, 14:00:00 (seconds dropped).
    public static func time(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingWhitespace().split { $0 == ":" || $0 == "." }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute), parts[1].count == 2
        else { return nil }
        return (hour, minute)
    }

    /// Several values in one cell: one per line, or between `;` or `|` (and `,` where a value never
    /// holds one — emails, phones, languages).
    public static func list(_ text: String, commas: Bool = false) -> [String] {
        text.split { $0 == ";" || $0 == "|" || $0 == "\n" || (commas && $0 == ",") }
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// A choice written as its key (`ngo`), its label ("NGO / CSO") or a word of the label, in any case
    /// or script; nil when nothing matches.
    public static func choice(_ text: String, keys: [String], label: (String) -> String) -> String? {
        let folded = NameFolding.fold(text)
        guard !folded.isEmpty else { return nil }
        if let key = keys.first(where: { NameFolding.fold($0) == folded || NameFolding.fold(label($0)) == folded }) { return key }
        let words = keys.filter { NameFolding.tokens(label($0)).contains(folded) }
        return words.count == 1 ? words[0] : nil
    }

    /// Yes-like answers: yes, y, true, 1, x, po (Albanian), da (Serbian).
    public static func isYes(_ text: String) -> Bool {
        ["yes", "y", "true", "1", "x", "po", "da"].contains(NameFolding.fold(text))
    }
}
