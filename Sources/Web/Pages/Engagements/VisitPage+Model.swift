import Features

/// One field visit: its dates, places, delegation and purpose, and its engagements in order with what
/// happened around them.
enum VisitPage {
    struct Model: Sendable {
        var visit: FieldVisitRecord, engagements: [EngagementSummary]
        /// What happened around the visit, on its days.
        var context: [ContextEventSummary] = []
        var canWrite: Bool, canRestore: Bool
    }
}
