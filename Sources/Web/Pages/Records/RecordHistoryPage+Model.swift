import Features

/// A record's history: every change to it, newest first, with who made it.
enum RecordHistoryPage {
    struct Model: Sendable {
        var name: String, back: SiteURL, entries: [AuditLog.Entry]
    }
}
