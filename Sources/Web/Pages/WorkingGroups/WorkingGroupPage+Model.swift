import Domain
import Features

/// One working group: its members now and before, its meetings, its deliverables, its recommendations.
enum WorkingGroupPage {
    struct Model: Sendable {
        var group: WorkingGroupRecord, today: Day
        var canWrite: Bool, canRestore: Bool
        /// A deliverable that was sent with mistakes: what was typed and each mistake at its field.
        var deliverableErrors = Forms.Errors(), deliverableValues: [String: String] = [:]
        var recommendations: [RecommendationSummary] = []

        var canChange: Bool { canWrite && !group.summary.isDeleted }
    }
}
