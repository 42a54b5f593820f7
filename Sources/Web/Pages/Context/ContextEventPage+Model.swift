import Features

/// One context event: when, what kind, how severe, where, and where the account of it comes from.
enum ContextEventPage {
    struct Model: RecordAccess, Sendable {
        var event: ContextEventRecord, canWrite: Bool, canRestore: Bool
    }
}
