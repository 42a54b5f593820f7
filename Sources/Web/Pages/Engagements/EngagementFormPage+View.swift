import Domain
import Features
import Markup

extension EngagementFormPage: RecordFormPage {
    static let form = RecordForm(.engagement, keys: "engagements")

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        if model.existing == nil && !values.capture.isEmpty {
            Forms.hidden(CaptureRequest.field, values.capture)
            // Shown by the offline script when this form is open in another tab too (one capture, one tab).
            H.el("div", [("class", "capture-locked notice"), ("role", "alert"), ("hidden", "")]) {
                Paragraph(text("captures.openElsewhere"))
                H.el("button", [("type", "button"), ("class", "secondary")]) { Text(text("captures.startNew")) }
            }
        }
        Forms.select(label: text("engagements.kind"), name: "kind",
                     options: EngagementViews.kindOptions(model.kinds, text: text), selected: values.kind,
                     error: errors["kind"])
        Forms.title(values.title, errors, text)
        Forms.field(label: text("engagements.start"), name: "start", type: "datetime-local", value: values.start,
                    error: errors["start"], help: text("engagements.start.help"), required: true)
        Forms.select(label: text("engagements.place"), name: "placeID",
                     options: Forms.refOptions(model.places, empty: text("engagements.noChoice")),
                     selected: values.placeID, error: errors["placeID"])
        Forms.textarea(label: text("engagements.participants"), name: "participants", value: values.participants,
                       error: errors["participants"], help: text("engagements.participants.help"), rows: 4,
                       lookup: (text("engagements.lookup"), text("engagements.lookupNone")))
        Forms.textarea(label: text("engagements.outcomes"), name: "outcomes", value: values.outcomes,
                       error: errors["outcomes"])
        Forms.field(label: text("engagements.followUp"), name: "followUp", value: values.followUp,
                    error: errors["followUps"], help: text("engagements.followUp.help"))
        if model.existing == nil {
            Forms.select(label: text("engagements.followUpOwner"), name: "followUpOwner",
                         options: Forms.refOptions(model.users, empty: text("engagements.noChoice")),
                         selected: values.followUpOwner)
            Forms.field(label: text("engagements.followUpDue"), name: "followUpDue", type: "date",
                        value: values.followUpDue)
        }
        more(model, text: text)
    }

    /// The rest is optional; on a phone it folds away so the meeting is logged in under a minute.
    static func more(_ model: Model, text: Localizer) -> Component {
        let values = model.values, errors = model.errors
        return H.el("details", [("class", "more-fields"), ("open", model.showsMore ? "" : nil)]) {
            H.el("summary") { Text(text("engagements.moreFields")) }
            Forms.field(label: text("engagements.timeZone"), name: "timeZone", value: values.timeZone,
                        error: errors["timeZone"])
            Forms.field(label: text("engagements.duration"), name: "duration", type: "number", value: values.duration,
                        error: errors["durationMinutes"])
            Forms.field(label: text("engagements.venue"), name: "venue", value: values.venue, error: errors["venue"])
            Forms.select(label: text("engagements.visit"), name: "visitID",
                         options: Forms.refOptions(model.visits, empty: text("engagements.noChoice")),
                         selected: values.visitID, error: errors["visitID"])
            Forms.textarea(label: text("engagements.hosts"), name: "hosts", value: values.hosts,
                           error: errors["hostIDs"],
                           help: text("engagements.organizations.help"), rows: 2)
            Forms.textarea(label: text("engagements.partners"), name: "partners", value: values.partners,
                           error: errors["partnerIDs"], help: text("engagements.organizations.help"), rows: 2)
            headCounts(model, text: text)
            Forms.checkbox(label: text("engagements.aggregateOnly"), name: "aggregateOnly",
                           checked: values.aggregateOnly)
            Forms.field(label: text("engagements.topics"), name: "topics", value: values.topics,
                        error: errors["topics"],
                        help: text("engagements.topics.help"))
            Forms.textarea(label: text("engagements.summary"), name: "summary", value: values.summary,
                           error: errors["summary"], rows: 4)
            Forms.textarea(label: text("engagements.decisions"), name: "decisions", value: values.decisions,
                           error: errors["decisions"], rows: 2)
            Forms.confidentiality(selected: values.confidentiality, canWriteRestricted: model.canWriteRestricted,
                                  label: text("engagements.confidentiality"), error: errors["confidentiality"],
                                  text: text)
        }
    }

    static func theirs(_ record: EngagementRecord, text: Localizer) -> Component? {
        EngagementViews.facts(record, text: text)
    }
}
