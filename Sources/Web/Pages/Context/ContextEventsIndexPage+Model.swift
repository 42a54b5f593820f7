import Domain
import Features

/// What happened around the work (tensions, boycotts, protests), filtered by kind, place and period.
enum ContextEventsIndexPage {
    struct Model: Sendable {
        var page: ListPage<ContextEventSummary>
        var kind: String
        var placeID: String
        var from: String
        var to: String
        var places: [RecordRef]
        var canWrite: Bool
        var errors = Forms.Errors()

        func query(page: Int) -> String {
            QueryString.encode([("kind", kind), ("place", placeID), ("from", from), ("to", to), ("page", String(page))])
        }
    }
}
