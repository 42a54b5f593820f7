import Domain
import Features
import Foundation

/// The retention review: people past the retention period, each with a form to keep them with a reason and
/// a link to erase them. Off (no period set), it says so; with no one past the period, it says that and the
/// period. A phone reads each person as a card: name, facts, the keep form, erase.
enum RetentionReviewPage {
    struct Model: Sendable {
        /// The period in months; nil: the review is off.
        var months: Int?
        var cutoff: Date?
        var people: ListPage<RetentionReview.Entry>
        /// Administrators may change the period (a link to the settings).
        var canChangeSetting = false
        /// A keep that came back with a mistake, shown beside that person's reason.
        var failed: Failed?
    }

    struct Failed: Sendable {
        var id: UUID
        var reason: String
        var errors: Forms.Errors
    }
}
