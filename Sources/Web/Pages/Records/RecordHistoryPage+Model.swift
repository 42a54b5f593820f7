import Features

/// A record's history: every change to it, newest first, with who made it.
enum RecordHistoryPage {
    struct Model: Sendable {
        var name: String
        var back: SiteURL
        var entries: [AuditLog.Entry]
    }
}
