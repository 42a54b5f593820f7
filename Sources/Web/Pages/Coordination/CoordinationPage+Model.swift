import Features

/// One activity of another actor: its theme, places, period and contact.
enum CoordinationPage {
    struct Model: Sendable {
        var activity: CoordinationRecord, canWrite: Bool, canRestore: Bool
    }
}
