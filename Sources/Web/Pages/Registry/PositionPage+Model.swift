import Features

/// One position: who held which post where, and when.
enum PositionPage {
    struct Model: Sendable {
        var position: PositionRecord, canWrite: Bool, canRestore: Bool
    }
}
