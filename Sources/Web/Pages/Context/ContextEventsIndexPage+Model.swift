import Domain
import Features

/// What happened around the work (tensions, boycotts, protests), filtered by kind, place and period.
enum ContextEventsIndexPage {
    struct Model: SortedListModel, Sendable {
        static let address: SiteURL = .list(.contextEvent)

        var page: ListPage<ContextEventSummary>
        /// The filters as chosen, and the mistakes in them.
        var kind: String, placeID: String, from: String, to: String
        /// The order as chosen (`title`), or empty for the latest first.
        var sort: String
        var places: [RecordRef], canWrite: Bool
        var errors = Forms.Errors()

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("kind", kind), ("place", placeID), ("from", from), ("to", to), ("sort", sort),
                                ("page", String(page))])
        }
    }
}
