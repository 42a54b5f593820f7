import Domain

/// What went wrong, in the reader's words, and the way home.
enum ErrorPage {
    struct Model: Sendable {
        var titleKey: String
        var detail: String?
        var issues: [FieldIssue]
    }
}
