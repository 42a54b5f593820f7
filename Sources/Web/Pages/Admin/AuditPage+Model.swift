import Domain
import Features

/// The whole audit trail, filterable, for administrators.
enum AuditPage {
    struct Model: Sendable {
        var page: AuditLog.Page, actor: String, action: String
        var recordType: String, from: String, to: String
        var recordTypes: [String]
        var errors = Forms.Errors()

        /// The current filter as a query string, for paging links.
        func query(page: Int) -> String {
            QueryString.encode([("actor", actor), ("action", action), ("type", recordType), ("from", from), ("to", to),
                                ("page", String(page))])
        }
    }
}
