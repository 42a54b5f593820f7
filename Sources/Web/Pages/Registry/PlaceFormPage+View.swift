import Domain
import Features
import Markup

extension PlaceFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let frame = RecordFormFrame(
            title: model.existing.map { text("record.edit") + ": " + $0.name } ?? text("places.new"),
            trail: [model.existing.map { ($0.name, .record(.place, $0.id)) } ?? (text("places.title"), .list(.place))],
            action: model.existing.map { .record(.place, $0.id) } ?? .list(.place), version: values.version,
            errors: errors, conflict: model.conflict.map { _ in .init(message: text("record.conflict"), theirs: nil) },
            novalidate: true)
        return frame.page(chrome: chrome) {
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
    }

    /// A row of language and name each, with empty rows to add more.
    static func names(_ rows: [(String, String)], error: String?, text: Localizer) -> Component {
        H.el("fieldset", [("id", "f-names")]) {
            H.el("legend") { Text(text("places.names")) }
            H.text("p", [("class", "help")], text("places.names.help"))
            if let error { H.text("p", [("class", "error")], error) }
            for (index, row) in rows.enumerated() {
                H.el("div", [("class", "name-row")]) {
                    Forms.field(label: text("places.language"), name: "language\(index)", value: row.0, autocomplete: "off")
                    Forms.field(label: text("places.name"), name: "name\(index)", value: row.1, autocomplete: "off")
                }
            }
        }
    }
}
