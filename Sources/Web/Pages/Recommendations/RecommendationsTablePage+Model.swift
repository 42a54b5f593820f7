import Domain
import Features

/// Every recommendation as a table: filtered by status, sorted by title or by the last change.
enum RecommendationsTablePage {
    /// The board's address with this `view` shows the table.
    static let view = "table"

    struct Model: Sendable {
        var page: ListPage<RecommendationSummary>
        var status: String
        /// The order as chosen (`title`, `-changed`), or empty for the last changed first.
        var sort: String
        var canWrite: Bool

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        func query(page: Int) -> String { query(page: page, sort: sort) }

        /// The list's address sorted another way, its filters kept, from the first page.
        func sorted(_ sort: String) -> String { SiteURL.list(.recommendation).path + "?" + query(page: 1, sort: sort) }

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("view", RecommendationsTablePage.view), ("status", status), ("sort", sort),
                                ("page", String(page))])
        }
    }
}
