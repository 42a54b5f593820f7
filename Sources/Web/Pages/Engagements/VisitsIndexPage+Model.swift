import Features

/// The field visits, newest first.
enum VisitsIndexPage {
    struct Model: Sendable {
        var page: ListPage<FieldVisitSummary>, canWrite: Bool
    }
}
