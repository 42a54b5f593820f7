import Domain
import Features
import Markup

extension ContextEventFormPage: RecordFormPage {
    static let form = RecordForm(.contextEvent, keys: "context")

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        Forms.title(values.title, errors, text)
        Forms.select(label: text("context.kind"), name: "kind",
                     options: Forms.options(ContextEventKind.self, prefix: "contextKind", text: text,
                                            empty: text("engagements.noChoice")),
                     selected: values.kind, error: errors["kind"])
        Forms.select(label: text("context.severity"), name: "severity",
                     options: Forms.options(Severity.self, prefix: "severity", text: text),
                     selected: values.severity, error: errors["severity"])
        Forms.field(label: text("context.startsOn"), name: "startsOn", type: "date", value: values.startsOn,
                    error: errors["startsOn"], required: true)
        Forms.field(label: text("context.endsOn"), name: "endsOn", type: "date", value: values.endsOn,
                    error: errors["endsOn"], help: text("context.endsOn.help"))
        Forms.multiple(label: text("context.places"), name: "placeIDs", refs: model.places, selected: values.placeIDs,
                       error: errors["placeIDs"], help: text("visits.places.help"))
        Forms.textarea(label: text("context.description"), name: "description", value: values.description,
                       error: errors["description"], rows: 5)
        Forms.field(label: text("context.source"), name: "sourceURL", type: "url", value: values.sourceURL,
                    error: errors["sourceURL"])
        Forms.confidentiality(selected: values.confidentiality, canWriteRestricted: model.canWriteRestricted,
                              label: text("context.confidentiality"), error: errors["confidentiality"], text: text)
    }

    static func theirs(_ record: ContextEventRecord, text: Localizer) -> Component? {
        ContextEventViews.facts(record, text: text)
    }
}
