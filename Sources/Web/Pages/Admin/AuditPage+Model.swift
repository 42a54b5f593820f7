import Domain
import Features

/// The whole audit trail, filterable, for administrators.
enum AuditPage {
    /// The `sort` that reads the trail from its oldest entry.
    static let oldestFirst = "at"

    struct Model: Sendable {
        var page: AuditLog.Page, actor: String, action: String
        var recordType: String, from: String, to: String
        /// `at` for the oldest first, empty for the newest first.
        var sort: String
        var recordTypes: [String]
        var errors = Forms.Errors()

        /// The current filter as a query string, for paging links.
        func query(page: Int) -> String { query(page: page, sort: sort) }

        /// The trail's address sorted the other way, its filters kept, from the first page.
        func sorted(_ sort: String) -> String { SiteURL.audit.path + "?" + query(page: 1, sort: sort) }

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("actor", actor), ("action", action), ("type", recordType), ("from", from), ("to", to),
                                ("sort", sort), ("page", String(page))])
        }
    }
}
