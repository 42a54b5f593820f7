import Domain
import Features

/// One organisation: what it is, its people over time, its sub-organisations, and the history of
/// engagements, agreements and recommendations with it.
enum OrganizationPage {
    struct Model: Sendable {
        var data: OrganizationPageData, today: Day
        var canWrite: Bool, canRestore: Bool
        /// Engagements with it, when it was met; agreements it is party to; recommendations addressed to it.
        var relationship: RelationshipHistory? = nil, agreements: [AgreementSummary] = []
        var recommendations: [RecommendationSummary] = []

        var current: [PositionRecord] { data.positions.filter { $0.isCurrent(on: today) } }
        var past: [PositionRecord] { data.positions.filter { !$0.isCurrent(on: today) } }
    }
}
