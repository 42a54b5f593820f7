import Domain
import Features

/// What happened around the work (tensions, boycotts, protests), filtered by kind, place and period.
enum ContextEventsIndexPage {
    struct Model: Sendable {
        var page: ListPage<ContextEventSummary>
        /// The filters as chosen, and the mistakes in them.
        var kind: String, placeID: String, from: String, to: String
        var places: [RecordRef], canWrite: Bool
        var errors = Forms.Errors()

        func query(page: Int) -> String {
            QueryString.encode([("kind", kind), ("place", placeID), ("from", from), ("to", to), ("page", String(page))])
        }
    }
}
