import Domain
import Features

/// The organisations list: a filter box that matches any of their names, filters, sorting, paging.
enum OrganizationsIndexPage {
    struct Model: Sendable {
        var page: ListPage<OrganizationRow>
        var text: String
        var kind: String
        var level: String
        var placeID: String
        var sort: String
        var includeDeleted: Bool
        var places: [RecordRef]
        var canRestore: Bool
        var canWrite: Bool

        var hasMoreFilters: Bool {
            !kind.isEmpty || !level.isEmpty || !placeID.isEmpty || sort != SortOrder.name.rawValue || includeDeleted
        }

        func query(page: Int) -> String {
            var items = [("q", text), ("kind", kind), ("level", level), ("place", placeID), ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }
}
