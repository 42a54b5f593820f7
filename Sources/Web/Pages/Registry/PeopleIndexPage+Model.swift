import Domain
import Features

/// The people list: a filter box that matches any spelling, filters, sorting, paging.
enum PeopleIndexPage {
    struct Model: RegistryListModel, Sendable {
        static let address: SiteURL = .list(.person)

        var page: ListPage<PersonRow>
        /// The filters as chosen.
        var text: String, communityID: String, placeID: String, sensitivity: String, sort: String, includeDeleted: Bool
        var communities: [RecordRef], places: [RecordRef]
        var canSeeRestricted: Bool, canRestore: Bool, canWrite: Bool

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []
        /// What the reader may do with the people they tick.
        var bulk = PeopleBulk.Choices()
        /// The sensitive fields the reader may not see: neither a column nor a filter.
        var hidden: Set<PersonalField> = []

        var hasMoreFilters: Bool {
            [communityID, placeID, sensitivity].contains { !$0.isEmpty } || sort != SortOrder.name.rawValue
                || includeDeleted
        }

        func query(page: Int, sort: String) -> String {
            var items = [("q", text), ("community", communityID), ("place", placeID), ("sensitivity", sensitivity),
                         ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }
}
