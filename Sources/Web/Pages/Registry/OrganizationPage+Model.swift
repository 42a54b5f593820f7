import Domain
import Features

/// One organisation: what it is, its people over time, its sub-organisations, and the history of
/// engagements, agreements and recommendations with it.
enum OrganizationPage {
    struct Model: Sendable {
        var data: OrganizationPageData
        var today: Day
        var canWrite: Bool
        var canRestore: Bool
        var relationship: RelationshipHistory?
        var agreements: [AgreementSummary] = []
        var recommendations: [RecommendationSummary] = []

        var current: [PositionRecord] { data.positions.filter { $0.isCurrent(on: today) } }
        var past: [PositionRecord] { data.positions.filter { !$0.isCurrent(on: today) } }
    }
}
