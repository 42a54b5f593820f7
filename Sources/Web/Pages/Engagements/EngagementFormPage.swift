import Domain
import Features
import Markup

/// Logging an engagement (the quick form a field officer fills on a phone) and editing one. Names are
/// typed in any spelling or script and found in the registry; problems show at their fields.
enum EngagementFormPage {
    struct Values: FormVersion {
        var kind = EngagementKind.meeting.rawValue
        var title = ""
        var start = ""
        var timeZone = ""
        var duration = ""
        var placeID = ""
        var venue = ""
        var visitID = ""
        var hosts = ""
        var partners = ""
        var participants = ""
        var headCounts = ""
        var aggregateOnly = false
        var topics = ""
        var summary = ""
        var outcomes = ""
        var decisions = ""
        var confidentiality = Confidentiality.internal.rawValue
        var followUp = ""
        var followUpOwner = ""
        var followUpDue = ""
        var version = ""

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
            participants = record.participants.map { $0.part == .participant ? $0.person.name : "\($0.person.name), \($0.part.rawValue)" }
                .joined(separator: "\n")
            headCounts = record.headCounts.map { "\($0.category): \($0.displayCount)" }.joined(separator: "\n")
            aggregateOnly = record.aggregateOnly
            topics = summary.topics.joined(separator: ", ")
            self.summary = record.notes ?? ""
            outcomes = record.outcomes ?? ""
            decisions = record.decisions ?? ""
            confidentiality = summary.confidentiality.rawValue
            version = String(record.version)
        }
    }

    struct Model: Sendable {
        var existing: EngagementRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: EngagementRecord?
        var places: [RecordRef]
        var visits: [RecordRef]
        var users: [RecordRef]
        var kinds: [KindChoice]
        var canWriteRestricted: Bool
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("engagements.edit") + ": " + $0.summary.title } ?? text("engagements.new")
        let action: SiteURL = model.existing.map { .record(.engagement, $0.id) } ?? .list(.engagement)
        let confidentialities = Confidentiality.allCases.filter { $0 != .restricted || model.canWriteRestricted || values.confidentiality == $0.rawValue }
        return Layout.page(title: title, chrome: chrome) {
            H.el("h1") { Text(title) }
            if let conflict = model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("record.conflict"))
                    H.text("h2", [], text("record.theirs"))
                    EngagementPage.facts(conflict, text: text)
                }
            }
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", action.path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.select(label: text("engagements.kind"), name: "kind",
                             options: EngagementViews.kindOptions(model.kinds, text: text), selected: values.kind, error: errors["kind"])
                Forms.field(label: text("engagements.titleField"), name: "title", value: values.title, error: errors["title"], required: true)
                Forms.field(label: text("engagements.start"), name: "start", type: "datetime-local", value: values.start,
                            error: errors["start"], help: text("engagements.start.help"), required: true)
                Forms.select(label: text("engagements.place"), name: "placeID",
                             options: RegistryViews.refOptions(model.places, empty: text("engagements.noChoice")), selected: values.placeID, error: errors["placeID"])
                RegistryViews.textarea(label: text("engagements.participants"), name: "participants", value: values.participants,
                                       error: errors["participants"], help: text("engagements.participants.help"), rows: 4,
                                       lookup: (text("engagements.lookup"), text("engagements.lookupNone")))
                RegistryViews.textarea(label: text("engagements.outcomes"), name: "outcomes", value: values.outcomes, error: errors["outcomes"], rows: 3)
                Forms.field(label: text("engagements.followUp"), name: "followUp", value: values.followUp, error: errors["followUps"],
                            help: text("engagements.followUp.help"))
                if model.existing == nil {
                    Forms.select(label: text("engagements.followUpOwner"), name: "followUpOwner",
                                 options: RegistryViews.refOptions(model.users, empty: text("engagements.noChoice")), selected: values.followUpOwner)
                    Forms.field(label: text("engagements.followUpDue"), name: "followUpDue", type: "date", value: values.followUpDue)
                }
                // The rest is optional; on a phone it folds away so the meeting is logged in under a minute.
                H.el("details", [("class", "more-fields"), ("open", hasMore(values, errors) ? "" : nil)]) {
                    H.el("summary") { Text(text("engagements.moreFields")) }
                    Forms.field(label: text("engagements.timeZone"), name: "timeZone", value: values.timeZone, error: errors["timeZone"])
                    Forms.field(label: text("engagements.duration"), name: "duration", type: "number", value: values.duration, error: errors["durationMinutes"])
                    Forms.field(label: text("engagements.venue"), name: "venue", value: values.venue, error: errors["venue"])
                    Forms.select(label: text("engagements.visit"), name: "visitID",
                                 options: RegistryViews.refOptions(model.visits, empty: text("engagements.noChoice")), selected: values.visitID, error: errors["visitID"])
                    RegistryViews.textarea(label: text("engagements.hosts"), name: "hosts", value: values.hosts, error: errors["hostIDs"],
                                           help: text("engagements.organizations.help"), rows: 2)
                    RegistryViews.textarea(label: text("engagements.partners"), name: "partners", value: values.partners, error: errors["partnerIDs"],
                                           help: text("engagements.organizations.help"), rows: 2)
                    RegistryViews.textarea(label: text("engagements.headCounts"), name: "headCounts", value: values.headCounts,
                                           error: errors["headCounts"], help: text("engagements.headCounts.help"), rows: 3)
                    Forms.checkbox(label: text("engagements.aggregateOnly"), name: "aggregateOnly", checked: values.aggregateOnly)
                    Forms.field(label: text("engagements.topics"), name: "topics", value: values.topics, error: errors["topics"], help: text("engagements.topics.help"))
                    RegistryViews.textarea(label: text("engagements.summary"), name: "summary", value: values.summary, error: errors["summary"], rows: 4)
                    RegistryViews.textarea(label: text("engagements.decisions"), name: "decisions", value: values.decisions, error: errors["decisions"], rows: 2)
                    Forms.select(label: text("engagements.confidentiality"), name: "confidentiality",
                                 options: confidentialities.map { ($0.rawValue, text("confidentiality.\($0.rawValue)")) },
                                 selected: values.confidentiality, error: errors["confidentiality"])
                }
                Forms.submit(text("record.save"))
            }
        }
    }

    /// Open the folded part when something in it was filled in or is wrong.
    static func hasMore(_ values: Values, _ errors: Forms.Errors) -> Bool {
        let folded = ["timeZone", "durationMinutes", "venue", "visitID", "hostIDs", "partnerIDs", "headCounts", "topics", "summary", "decisions", "confidentiality"]
        return folded.contains { errors[$0] != nil } || !values.hosts.isEmpty || !values.partners.isEmpty || !values.headCounts.isEmpty
            || !values.summary.isEmpty || !values.decisions.isEmpty || !values.venue.isEmpty || values.aggregateOnly
    }
}
