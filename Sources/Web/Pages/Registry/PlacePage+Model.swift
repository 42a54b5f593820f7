import Features

/// One place: its names in every language, what lies inside it, who is based there, and the latest
/// engagements there with what happened around them.
enum PlacePage {
    struct Model: Sendable {
        var data: PlacePageData, canWrite: Bool
        /// The latest engagements here, newest first (the whole timeline is one link away).
        var engagements: ListPage<EngagementSummary>?
        /// Context events here over the same days.
        var context: [ContextEventSummary] = []
    }
}
