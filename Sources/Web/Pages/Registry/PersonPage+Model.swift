import Domain
import Features

/// One person: who they are, their positions over time, the history of engagements with them, and their
/// data protection (lawful basis, consents and how each was given).
enum PersonPage {
    struct Model: Sendable {
        var data: PersonPageData
        var today: Day
        var canWrite: Bool
        var canRestore: Bool
        var organizations: [RecordRef]
        var relationship: RelationshipHistory?
        var agreements: [AgreementSummary] = []
        var groups: [WorkingGroupSummary] = []

        var current: [PositionRecord] { data.positions.filter { $0.isCurrent(on: today) } }
        var past: [PositionRecord] { data.positions.filter { !$0.isCurrent(on: today) } }
    }
}
