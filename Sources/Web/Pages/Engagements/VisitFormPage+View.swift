import Domain
import Features
import Markup

extension VisitFormPage: RecordFormPage {
    static let form = RecordForm(.visit, keys: "visits")

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        Forms.title(values.title, errors, text)
        Forms.field(label: text("visits.startsOn"), name: "startsOn", type: "date", value: values.startsOn,
                    error: errors["startsOn"], required: true)
        Forms.field(label: text("visits.endsOn"), name: "endsOn", type: "date", value: values.endsOn,
                    error: errors["endsOn"], required: true)
        Forms.select(label: text("visits.status"), name: "status",
                     options: Forms.options(VisitStatus.self, prefix: "visitStatus",
                                            text: text), selected: values.status,
                     error: errors["status"])
        Forms.textarea(label: text("visits.purpose"), name: "purpose", value: values.purpose, error: errors["purpose"],
                       rows: 2)
        Forms.multiple(label: text("visits.places"), name: "placeIDs", refs: model.places, selected: values.placeIDs,
                       error: errors["placeIDs"], help: text("visits.places.help"))
        Forms.multiple(label: text("visits.users"), name: "userIDs", refs: model.users, selected: values.userIDs,
                       error: errors["memberUserIDs"], help: text("visits.places.help"))
        Forms.textarea(label: text("visits.people"), name: "people", value: values.people,
                       error: errors["memberPersonIDs"], help: text("engagements.organizations.help.people"))
        Forms.textarea(label: text("visits.summary"), name: "summary", value: values.summary, error: errors["summary"],
                       rows: 5)
    }

    static func theirs(_ record: FieldVisitRecord, text: Localizer) -> Component? {
        VisitPage.facts(record, text: text)
    }
}
