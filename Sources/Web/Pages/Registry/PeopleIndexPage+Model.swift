import Domain
import Features

/// The people list: a filter box that matches any spelling, filters, sorting, paging.
enum PeopleIndexPage {
    struct Model: Sendable {
        var page: ListPage<PersonRow>
        /// The filters as chosen.
        var text: String, communityID: String, placeID: String, sensitivity: String, sort: String, includeDeleted: Bool
        var communities: [RecordRef], places: [RecordRef]
        var canSeeRestricted: Bool, canRestore: Bool, canWrite: Bool

        var hasMoreFilters: Bool {
            [communityID, placeID, sensitivity].contains { !$0.isEmpty } || sort != SortOrder.name.rawValue
                || includeDeleted
        }

        func query(page: Int) -> String {
            var items = [("q", text), ("community", communityID), ("place", placeID), ("sensitivity", sensitivity),
                         ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }
}
