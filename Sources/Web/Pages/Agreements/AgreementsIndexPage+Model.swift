import Domain
import Features

/// The agreements, filtered by status and kind, sorted by title, signing or validity.
enum AgreementsIndexPage {
    struct Model: Sendable {
        var page: ListPage<AgreementSummary>, status: String, kind: String
        /// The order as chosen (`-signed`), or empty for the newest recorded first.
        var sort: String
        var canWrite: Bool

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        func query(page: Int) -> String { query(page: page, sort: sort) }

        /// The list's address sorted another way, its filters kept, from the first page.
        func sorted(_ sort: String) -> String { SiteURL.list(.agreement).path + "?" + query(page: 1, sort: sort) }

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("status", status), ("kind", kind), ("sort", sort), ("page", String(page))])
        }
    }
}
