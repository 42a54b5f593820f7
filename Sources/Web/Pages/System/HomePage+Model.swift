import Domain
import Features

/// Where a signed-in user lands: who they are, what they may do, and what changed lately.
enum HomePage {
    struct Model: Sendable {
        var name: String, role: Role, canManageUsers: Bool
        var canViewAudit: Bool
        /// The whole trail's latest entries for administrators; the user's own for everyone else.
        var recent: [AuditLog.Entry]
    }
}
