import Domain
import Features

/// Logging an engagement (the quick form a field officer fills on a phone) and editing one. Names are
/// typed in any spelling or script and found in the registry; problems show at their fields.
enum EngagementFormPage {
    struct Values: FormVersion {
        var kind = EngagementKind.meeting.rawValue
        var title = "", start = "", timeZone = "", duration = "", placeID = "", venue = "", visitID = ""
        var hosts = "", partners = "", participants = ""
        var headCounts: [HeadCountLine] = []
        var aggregateOnly = false
        var topics = "", summary = "", outcomes = "", decisions = ""
        var confidentiality = Confidentiality.internal.rawValue
        var followUp = "", followUpOwner = "", followUpDue = ""
        var version = ""
        /// A new engagement's capture identity: one for each time the form is opened, kept when it comes back
        /// with mistakes, so that however often it is sent it is saved once.
        var capture = ""

        init() {}

        init(_ record: EngagementRecord, text: Localizer) {
            let summary = record.summary
            kind = summary.kind
            title = summary.title
            start = summary.start
            timeZone = summary.timeZone
            duration = record.durationMinutes.map(String.init) ?? ""
            placeID = summary.place?.id.uuidString.lowercased() ?? ""
            venue = summary.venue ?? ""
            visitID = summary.visit?.id.uuidString.lowercased() ?? ""
            hosts = record.hosts.map(\.name).joined(separator: "\n")
            partners = record.partners.map(\.name).joined(separator: "\n")
            participants = record.participants
                .map { $0.part == .participant ? $0.person.name : "\($0.person.name), \($0.part.rawValue)" }
                .joined(separator: "\n")
            headCounts = record.headCounts.map(HeadCountLine.init)
            aggregateOnly = record.aggregateOnly
            topics = summary.topics.joined(separator: ", ")
            self.summary = record.notes ?? ""
            outcomes = record.outcomes ?? ""
            decisions = record.decisions ?? ""
            confidentiality = summary.confidentiality.rawValue
            version = String(record.version)
        }
    }

    struct Model: RecordFormModel {
        var existing: EngagementRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: EngagementRecord?
        var places: [RecordRef], visits: [RecordRef]
        var users: [RecordRef], kinds: [KindChoice], canWriteRestricted: Bool
        /// The communities a head-count can be broken down by.
        var communities: [RecordRef] = []

        /// Open the folded part when something in it was filled in or is wrong.
        var showsMore: Bool {
            let folded = ["timeZone", "durationMinutes", "venue", "visitID", "hostIDs", "partnerIDs",
                          "topics",
                          "summary", "decisions", "confidentiality"]
            return folded.contains { errors[$0] != nil } || values.aggregateOnly || !values.headCounts.isEmpty
                || errors.byField.keys.contains { $0.hasPrefix("headCounts") }
                || [values.hosts, values.partners, values.summary, values.decisions, values.venue]
                    .contains { !$0.isEmpty }
        }
    }
}
