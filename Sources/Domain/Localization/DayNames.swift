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
