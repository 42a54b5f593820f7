import Features

/// The working groups, with the agreement each came from.
enum WorkingGroupsIndexPage {
    struct Model: Sendable {
        var page: ListPage<WorkingGroupSummary>, canWrite: Bool
    }
}
