import Domain
import Features

/// One engagement: when and where, who took part (with the title each held that day), head-counts, photos,
/// quotes, follow-ups, and the agreements, working groups and recommendations it is linked to.
enum EngagementPage {
    struct Model: Sendable {
        var record: EngagementRecord, today: Day
        var canWrite: Bool, canRestore: Bool
        /// Who may own a follow-up.
        var users: [RecordRef]
        /// A photo, quote or follow-up that was sent with mistakes: its form shows again as typed.
        var attempt: Attempt?
        /// Agreements discussed or signed here, and those that could be linked.
        var agreements: [LinkedAgreement] = [], agreementChoices: [RecordRef] = []
        /// Working groups this was a meeting of, and those it could be linked to.
        var groups: [RecordRef] = [], groupChoices: [RecordRef] = []
        /// Recommendations this engagement is evidence for, and those it could be.
        var recommendations: [RecordRef] = [], recommendationChoices: [RecordRef] = []
        /// Community identity (lower-case text) → name, for the head-counts' breakdowns.
        var communityNames: [String: String] = [:]

        /// This showing of the page's identity for the notes added from it (a follow-up, a quote): each small
        /// form sends it with its own suffix, so a note sent twice is added once. Empty in snapshots.
        var captureKey = ""

        /// Whether the reader may add to it: its small forms show only then.
        var canChange: Bool { canWrite && !record.summary.isDeleted }
    }

    struct LinkedAgreement: Sendable {
        var agreement: RecordRef
        var link: AgreementEngagementLink
    }

    /// What was typed into one of the page's smaller forms, with each mistake at its field.
    struct Attempt: Sendable {
        enum Form: String, Sendable {
            case photo = "ph-", quote = "q-", followUp = "fu-"
            case agreement = "ag-", workingGroup = "wg-", recommendation = "rc-"
        }
        var form: Form
        var values: [String: String]
        var errors: Forms.Errors
    }
}
