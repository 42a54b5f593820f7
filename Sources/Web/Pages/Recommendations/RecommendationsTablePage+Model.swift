import Domain
import Features

/// Every recommendation as a table: filtered by status, sorted by title or by the last change.
enum RecommendationsTablePage {
    /// The board's address with this `view` shows the table.
    static let view = "table"

    struct Model: SortedListModel, Sendable {
        static let address: SiteURL = .list(.recommendation)

        var page: ListPage<RecommendationSummary>
        var status: String
        /// The order as chosen (`title`, `-changed`), or empty for the last changed first.
        var sort: String
        var canWrite: Bool

        /// The reader's saved filters of this list.
        var saved: [SavedFilters.Saved] = []

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("view", RecommendationsTablePage.view), ("status", status), ("sort", sort),
                                ("page", String(page))])
        }
    }
}
