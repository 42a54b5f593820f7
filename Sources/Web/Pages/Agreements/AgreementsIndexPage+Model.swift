import Domain
import Features

/// The agreements, filtered by status and kind.
enum AgreementsIndexPage {
    struct Model: Sendable {
        var page: ListPage<AgreementSummary>, status: String, kind: String
        var canWrite: Bool

        func query(page: Int) -> String {
            QueryString.encode([("status", status), ("kind", kind), ("page", String(page))])
        }
    }
}
