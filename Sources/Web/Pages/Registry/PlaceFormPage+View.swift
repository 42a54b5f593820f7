import Domain
import Features
import Markup

extension PlaceFormPage: RecordFormPage {
    static let form = RecordForm(.place, keys: "places", edit: "record.edit", novalidate: true)

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        Forms.select(label: text("places.kind"), name: "kind",
                     options: Forms.options(PlaceKind.self, prefix: "placeKind", text: text), selected: values.kind,
                     error: errors["kind"])
        Forms.select(label: text("places.parent"), name: "parentID",
                     options: Forms.refOptions(model.places.filter { $0.id != model.existing?.id }, empty: "—"),
                     selected: values.parentID, error: errors["parentID"])
        names(values.names + Array(repeating: ("", ""), count: extraRows), error: errors["names"], text: text)
        Forms.field(label: text("places.latitude"), name: "latitude", value: values.latitude, error: errors["latitude"],
                    autocomplete: "off")
        Forms.field(label: text("places.longitude"), name: "longitude", value: values.longitude,
                    error: errors["longitude"], autocomplete: "off")
    }

    /// A row of language and name each, with empty rows to add more.
    static func names(_ rows: [(String, String)], error: String?, text: Localizer) -> Component {
        H.el("fieldset", [("id", "f-names")]) {
            H.el("legend") { Text(text("places.names")) }
            H.text("p", [("class", "help")], text("places.names.help"))
            if let error { H.text("p", [("class", "error")], error) }
            for (index, row) in rows.enumerated() {
                H.el("div", [("class", "name-row")]) {
                    Forms.field(label: text("places.language"), name: "language\(index)", value: row.0,
                                autocomplete: "off")
                    Forms.field(label: text("places.name"), name: "name\(index)", value: row.1, autocomplete: "off")
                }
            }
        }
    }

    static func theirs(_ record: PlaceRecord, text: Localizer) -> Component? { nil }
}
