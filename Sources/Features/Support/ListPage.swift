import FluentKit
import Foundation

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

/// The order of a registry list: by name either way, or by when a record last changed, either way.
/// `-` marks the descending order, as in the address (`sort=-updated` is the most recently changed first).
public enum SortOrder: String, CaseIterable, Sendable {
    case name, nameDescending = "-name", updated = "-updated", updatedAscending = "updated"

    public var isByName: Bool { self == .name || self == .nameDescending }
}
