import Domain
import Features

/// The organisations list: a filter box that matches any of their names, filters, sorting, paging.
enum OrganizationsIndexPage {
    struct Model: RegistryListModel, Sendable {
        static let address: SiteURL = .list(.organization)

        var page: ListPage<OrganizationRow>
        /// The filters as chosen.
        var text: String, kind: String, level: String, placeID: String, sort: String, includeDeleted: Bool
        var places: [RecordRef]
        var canRestore: Bool, canWrite: Bool

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        var hasMoreFilters: Bool {
            !kind.isEmpty || !level.isEmpty || !placeID.isEmpty || sort != SortOrder.name.rawValue || includeDeleted
        }

        func query(page: Int, sort: String) -> String {
            var items = [("q", text), ("kind", kind), ("level", level), ("place", placeID), ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }
}
