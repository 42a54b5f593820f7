import Features
import Foundation

/// A record's history: every change to it, newest first, with who made it.
enum RecordHistoryPage {
    struct Model: Sendable {
        var name: String, back: SiteURL, entries: [AuditLog.Entry]
        /// Names for the identities the changes mention, as the reader may see them.
        var names: [UUID: String] = [:]
    }
}
