import Features

/// The kinds of engagement, and a form to add one (administrators).
enum EngagementKindsPage {
    struct Model: Sendable {
        var kinds: [KindChoice]
        /// What was typed into the form to add one.
        var label = "", key = "", errors = Forms.Errors()
    }
}
