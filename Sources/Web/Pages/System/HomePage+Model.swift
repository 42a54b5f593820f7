import Domain
import Features

/// Where a signed-in user lands: a desk — what is theirs to do, what they logged lately, the visits under
/// way, what changed, and the actions they take most.
enum HomePage {
    struct Model: Sendable {
        var name: String, role: Role, canManageUsers: Bool
        var canViewAudit: Bool
        /// The whole trail's latest entries for administrators; the user's own for everyone else.
        var recent: [AuditLog.Entry]
        /// The user's open follow-ups, overdue first (roles that write).
        var followUps: [FollowUpRecord] = []
        /// Engagements the user logged lately, newest first.
        var myEngagements: [RecordRef] = []
        /// Field visits whose days include today.
        var visitsUnderWay: [FieldVisitSummary] = []
        /// When none is under way: the latest visits, newest first.
        var latestVisits: [FieldVisitSummary] = []
        var today: Day
        /// Entries sent from the user's devices that wait for them in their review list.
        var captureReviews = 0
    }
}
