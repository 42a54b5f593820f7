import Domain
import Features

/// The people list: a filter box that matches any spelling, filters, sorting, paging.
enum PeopleIndexPage {
    struct Model: Sendable {
        var page: ListPage<PersonRow>
        var text: String
        var communityID: String
        var placeID: String
        var sensitivity: String
        var sort: String
        var includeDeleted: Bool
        var communities: [RecordRef]
        var places: [RecordRef]
        var canSeeRestricted: Bool
        var canRestore: Bool
        var canWrite: Bool

        var hasMoreFilters: Bool {
            !communityID.isEmpty || !placeID.isEmpty || !sensitivity.isEmpty || sort != SortOrder.name.rawValue || includeDeleted
        }

        func query(page: Int) -> String {
            var items = [("q", text), ("community", communityID), ("place", placeID), ("sensitivity", sensitivity), ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }
}
