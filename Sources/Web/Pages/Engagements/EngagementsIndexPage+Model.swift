import Domain
import Features

/// The overall timeline of engagements, newest first, filterable by kind, topic, period and place, with the
/// context events of the same days between them.
enum EngagementsIndexPage {
    struct Model: Sendable {
        var page: ListPage<EngagementSummary>
        /// Context events of the days this page covers, shown between the engagements.
        var context: [ContextEventSummary] = []
        /// The filters as chosen, what they offer, and the mistakes in them.
        var kind: String, kinds: [KindChoice], topic: String, from: String, to: String, placeID: String
        var places: [RecordRef], canWrite: Bool
        var errors = Forms.Errors()

        var hasMoreFilters: Bool { [topic, from, to, placeID].contains { !$0.isEmpty } || !errors.isEmpty }

        func query(page: Int) -> String {
            QueryString.encode([("kind", kind), ("topic", topic), ("from", from), ("to", to), ("place", placeID),
                                ("page", String(page))])
        }
    }
}
