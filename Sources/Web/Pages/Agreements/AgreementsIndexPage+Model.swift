import Domain
import Features

/// The agreements, filtered by status and kind, sorted by title, signing or validity.
enum AgreementsIndexPage {
    struct Model: SortedListModel, Sendable {
        static let address: SiteURL = .list(.agreement)

        var page: ListPage<AgreementSummary>, status: String, kind: String
        /// The order as chosen (`-signed`), or empty for the newest recorded first.
        var sort: String
        var canWrite: Bool

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("status", status), ("kind", kind), ("sort", sort), ("page", String(page))])
        }
    }
}
