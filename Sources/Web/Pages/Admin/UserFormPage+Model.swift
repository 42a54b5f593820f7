import Domain
import Features

/// Adding a user (no `existing`) or editing one (with its history, status and password controls).
enum UserFormPage {
    struct Model: Sendable {
        var existing: UserSummary?
        var name = "", email = "", role = Role.officer.rawValue
        /// The version the form started from; sent back so a stale save is caught.
        var version: Int?
        var errors = Forms.Errors()
        /// When a save collided with someone else's: the version now stored.
        var conflict: UserSummary?
        /// A password generated for this user, shown exactly once.
        var generatedPassword: String?
        var isSelf = false, history: [AuditLog.Entry] = []
        /// Whether the user signs in with a code as well; an administrator may reset it.
        var twoFactorOn = false
    }
}
