import Features

/// The public update: the publication check first (what blocks it and how to resolve it), the author's
/// choices, then the preview. The exports are offered only when the check is clean.
enum PublicUpdatePage {
    struct Model: Sendable {
        var update: PublicUpdate, canWrite: Bool, canPublish: Bool
        var errors = Forms.Errors()
        /// Someone else saved first: the form keeps what this author chose, and a second save goes through knowingly.
        var conflict = false
    }
}
