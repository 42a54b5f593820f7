import Domain
import Features

/// The overall timeline of engagements, newest first, filterable by kind, topic, period and place, with the
/// context events of the same days between them.
enum EngagementsIndexPage {
    /// The `sort` that reads the timeline from its oldest engagement; without it, the newest come first.
    static let oldestFirst = "date"

    struct Model: SortedListModel, Sendable {
        static let address: SiteURL = .list(.engagement)

        /// `date` for the oldest first, empty for the newest first.
        var sort: String
        var page: ListPage<EngagementSummary>
        /// Context events of the days this page covers, shown between the engagements.
        var context: [ContextEventSummary] = []
        /// The filters as chosen, what they offer, and the mistakes in them.
        var kind: String, kinds: [KindChoice], topic: String, from: String, to: String, placeID: String
        var places: [RecordRef], canWrite: Bool
        var errors = Forms.Errors()

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        var hasMoreFilters: Bool { [topic, from, to, placeID].contains { !$0.isEmpty } || !errors.isEmpty }

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("kind", kind), ("topic", topic), ("from", from), ("to", to), ("place", placeID),
                                ("sort", sort), ("page", String(page))])
        }
    }
}
