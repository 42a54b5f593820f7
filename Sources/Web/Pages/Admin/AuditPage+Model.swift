import Domain
import Features

/// The whole audit trail, filterable, for administrators.
enum AuditPage {
    /// The `sort` that reads the trail from its oldest entry.
    static let oldestFirst = "at"

    struct Model: SortedListModel, Sendable {
        static let address: SiteURL = .audit

        var page: AuditLog.Page, actor: String, action: String
        var recordType: String, from: String, to: String
        /// `at` for the oldest first, empty for the newest first.
        var sort: String
        var recordTypes: [String]
        var errors = Forms.Errors()

        func query(page: Int, sort: String) -> String {
            QueryString.encode([("actor", actor), ("action", action), ("type", recordType), ("from", from), ("to", to),
                                ("sort", sort), ("page", String(page))])
        }
    }
}
