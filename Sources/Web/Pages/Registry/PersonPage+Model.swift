import Domain
import Features

/// One person: who they are, their positions over time, the history of engagements with them, and their
/// data protection (lawful basis, consents and how each was given).
enum PersonPage {
    struct Model: Sendable {
        var data: PersonPageData, today: Day
        var canWrite: Bool, canRestore: Bool
        /// Coordinators and administrators may erase the person (the right to erasure).
        var canErase = false
        var organizations: [RecordRef]
        /// Engagements with them, agreements they are party to, working groups they belong to.
        var relationship: RelationshipHistory? = nil
        var agreements: [AgreementSummary] = [], groups: [WorkingGroupSummary] = []

        var current: [PositionRecord] { data.positions.filter { $0.isCurrent(on: today) } }
        var past: [PositionRecord] { data.positions.filter { !$0.isCurrent(on: today) } }
    }
}
