import Domain
import FluentKit
import FluentSQL
import Foundation
import SQLKit
import Storage

/// Lists stored as JSON text (other names, emails, phones, languages): portable across SQLite and PostgreSQL.
enum JSONList {
    static func encode(_ values: [String]) -> String { JSONText.array(values) }

    static func decode(_ text: String) -> [String] {
        JSONText.strings(text) ?? (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

/// One page of a list, with how many match (for "page 2 of 7").
///
/// Counting stops at `countLimit`: counting 100,000 people costs more than the page itself, and "more
/// than 1,000" is all a reader needs before narrowing the filter. `hasMore` is exact at any depth.
public struct ListPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var page: Int
    public var perPage: Int
    /// How many match, or `countLimit` when `totalIsAtLeast`.
    public var total: Int
    /// More than `total` match.
    public var totalIsAtLeast: Bool
    public var hasMore: Bool

    public static var countLimit: Int { 1000 }

    public var pageCount: Int {
        let counted = max(1, (total + perPage - 1) / perPage)
        return totalIsAtLeast ? max(counted, page + (hasMore ? 1 : 0)) : counted
    }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> ListPage<T> {
        ListPage<T>(items: try items.map(transform), page: page, perPage: perPage, total: total, totalIsAtLeast: totalIsAtLeast, hasMore: hasMore)
    }
}

/// Fetches one page of a query (one row more, to know whether another page follows) and counts the
/// matches up to `ListPage.countLimit`, without counting at all when the first page holds them all.
func fetchPage<M: Model>(_ builder: QueryBuilder<M>, page: Int, perPage: Int) async throws -> ListPage<M> {
    let perPage = min(max(perPage, 1), 500)
    let page = min(max(page, 1), 1_000_000)
    let offset = (page - 1) * perPage
    let rows = try await builder.copy().range(offset ..< offset + perPage + 1).all()
    let hasMore = rows.count > perPage
    let items = Array(rows.prefix(perPage))
    if page == 1, !hasMore {
        return ListPage(items: items, page: page, perPage: perPage, total: items.count, totalIsAtLeast: false, hasMore: false)
    }
    let counted = try await builder.copy().limit(ListPage<M>.countLimit + 1).all(\._$id).count
    return ListPage(items: items, page: page, perPage: perPage, total: min(counted, ListPage<M>.countLimit),
                    totalIsAtLeast: counted > ListPage<M>.countLimit, hasMore: hasMore)
}

public enum SortOrder: String, CaseIterable, Sendable {
    case name, nameDescending = "-name", updated = "-updated"
}

/// Validation helpers shared by the registry's inputs.
extension Validator {
    mutating func text(_ value: String?, _ field: String, required: Bool = false, max: Int) -> String? {
        // The limit applies to what was sent (as the API document states it), before trimming.
        check((value ?? "").unicodeScalars.count <= max, field, "field.tooLong", String(max))
        let trimmed = (value ?? "").trimmingWhitespace().composed
        if trimmed.isEmpty {
            if required { add(field, "field.required") }
            return nil
        }
        return trimmed
    }

    /// - Parameter allowBlank: drop blank items silently (free text) or report them (emails, phones, languages).
    mutating func list(_ values: [String], _ field: String, maxItems: Int = 20, maxLength: Int = 200, allowBlank: Bool = true) -> [String] {
        // Limits apply to what was sent, before blank items are dropped and items trimmed.
        check(values.count <= maxItems, field, "field.tooMany", String(maxItems))
        check(values.allSatisfy { $0.unicodeScalars.count <= maxLength }, field, "field.tooLong", String(maxLength))
        let trimmed = values.map { $0.trimmingWhitespace().composed }
        if !allowBlank { check(!trimmed.contains(""), field, "field.blankItem") }
        let cleaned = trimmed.filter { !$0.isEmpty }
        var seen = Set<String>()
        return cleaned.filter { seen.insert($0).inserted }
    }

    mutating func choice<T: RawRepresentable>(_ raw: String?, _ type: T.Type, _ field: String, required: Bool = true) -> T?
    where T.RawValue == String {
        let value = (raw ?? "").trimmingWhitespace()
        if value.isEmpty {
            if required { add(field, "field.required") }
            return nil
        }
        guard let parsed = T(rawValue: value) else {
            add(field, "field.notAChoice")
            return nil
        }
        return parsed
    }

    mutating func day(_ raw: String?, _ field: String) -> Day? {
        let value = (raw ?? "").trimmingWhitespace()
        if value.isEmpty { return nil }
        guard let day = Day(value) else {
            add(field, "date.invalid")
            return nil
        }
        return day
    }
}

extension Actor {
    /// Restricted records are invisible, not just forbidden, to roles that may not read them.
    public func canSee(_ sensitivity: Sensitivity) -> Bool {
        switch sensitivity {
        case .normal: return can(.readRecords)
        case .restricted: return can(.readRestricted)
        }
    }

    /// Restricted engagements follow the same rule as restricted people.
    public func canSee(confidentiality: Confidentiality) -> Bool {
        switch confidentiality {
        case .public, .internal: return can(.readRecords)
        case .restricted: return can(.readRestricted)
        }
    }
}

/// The version check every update and delete makes: nil means the caller did not say (refused).
func requireVersion(_ expected: Int?, current: Int) throws {
    guard let expected else { throw DomainError.versionRequired }
    guard expected == current else { throw DomainError.versionConflict(current: current) }
}

extension String {
    /// Unicode's composed form (NFC), as stored. Text in Latin letters and Cyrillic without combining marks
    /// is already composed, and most text is: only the rest goes through Foundation, which an import of
    /// 100,000 rows felt.
    var composed: String {
        let alreadyComposed = unicodeScalars.allSatisfy { $0.value < 0x300 || (0x400..<0x483).contains($0.value) || (0x48A..<0x530).contains($0.value) }
        return alreadyComposed ? self : precomposedStringWithCanonicalMapping
    }
}
