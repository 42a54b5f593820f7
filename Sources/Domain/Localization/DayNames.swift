import Foundation

/// Days as each language writes them ("7 August 2023", "7 gusht 2023", "7. август 2023."), each written once a
/// process. Foundation's `Date.FormatStyle` took about 13 µs a day on Linux (`perf`: 4.6 % of the people list,
/// where each row names a last contact). A record holds few distinct days, a few thousand over its years in
/// three languages, so each is kept once written.
final class DayNames: @unchecked Sendable {
    static let shared = DayNames()
    /// Far more days than a record holds; past it the memo starts again rather than grow.
    static let limit = 50_000

    private struct Key: Hashable {
        let language: Language
        let day: Day
    }

    private let lock = NSLock()
    private var written: [Key: String] = [:]

    func name(of day: Day, in language: Language, writing: () -> String) -> String {
        let key = Key(language: language, day: day)
        if let known = lock.withLock({ written[key] }) { return known }
        let name = writing()
        lock.withLock {
            if written.count >= Self.limit { written.removeAll(keepingCapacity: true) }
            written[key] = name
        }
        return name
    }
}
