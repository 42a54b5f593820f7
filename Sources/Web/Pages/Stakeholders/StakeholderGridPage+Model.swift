import Features

/// The power–interest grid of everyone assessed, each with their latest assessment and how they moved.
enum StakeholderGridPage {
    struct Model: Sendable {
        var entries: [StakeholderGridEntry]
    }
}
