import Domain
import Features

/// Adding or editing a position. With 100,000 people and 10,000 organisations no drop-down can hold
/// them all, so the form finds the person or organisation by name first (a GET that keeps what was typed),
/// which works without JavaScript.
enum PositionFormPage {
    struct Values: FormVersion {
        var personID = "", organizationID = "", title = "", startsOn = "", endsOn = "", version = ""
    }

    struct Model: Sendable {
        var existing: PositionRecord? = nil, values = Values(), errors = Forms.Errors()
        var person: RecordRef? = nil, organization: RecordRef? = nil, personQuery = ""
        var organizationQuery = "", personMatches: [RecordRef] = [], organizationMatches: [RecordRef] = []

        /// The finder shows while a new position lacks its person or its organisation.
        var needsFinder: Bool { existing == nil && (person == nil || organization == nil) }
    }
}
