import Domain
import Features
import Foundation
import Markup

/// A record's facts as a definition list; a value that is nil reads "not recorded".
enum Facts {
    typealias Row = (label: String, value: Component?)

    static func list(_ rows: [Row], text: Localizer) -> Component {
        H.el("dl", [("class", "facts")]) {
            for (label, value) in rows {
                H.text("dt", [], label)
                H.el("dd") { value ?? H.text("span", [("class", "muted")], text("people.notSet")) }
            }
        }
    }

    /// Facts one short line each, the label run in before its value ("Place North Mitrovica"); each pair
    /// is grouped in a `div`, as HTML allows inside a `dl`. A wide screen sets them in two columns.
    static func runIn(_ rows: [Row], cssClass: String = "facts run-in", text: Localizer) -> Component {
        H.el("dl", [("class", cssClass)]) {
            for (label, value) in rows {
                H.el("div") {
                    H.text("dt", [], label)
                    H.el("dd") { value ?? H.text("span", [("class", "muted")], text("people.notSet")) }
                }
            }
        }
    }

    /// Records as links in one line, separated by commas, the rest folded after the first few; nil when
    /// there are none.
    static func inlineLinks(_ refs: [RecordRef], _ resource: Resource, text: Localizer) -> Component? {
        guard !refs.isEmpty else { return nil }
        return Fold.list(refs, cssClass: "inline", text: text) { H.link($0.name, to: .record(resource, $0.id)) }
    }

    static func plain(_ value: String?) -> Component? {
        guard let value, !value.isEmpty else { return nil }
        return Text(value)
    }

    static func lines(_ values: [String]) -> Component? {
        guard !values.isEmpty else { return nil }
        return H.el("ul", [("class", "plain")]) { for value in values { H.text("li", [], value) } }
    }

    static func link(_ ref: RecordRef?, _ url: (UUID) -> SiteURL) -> Component? {
        guard let ref else { return nil }
        return H.link(ref.name, to: url(ref.id))
    }

    /// Records as a plain list of links; nil when there are none.
    static func links(_ refs: [RecordRef], _ resource: Resource) -> Component? {
        guard !refs.isEmpty else { return nil }
        return H.el("ul", [("class", "plain")]) {
            for ref in refs { H.el("li") { H.link(ref.name, to: .record(resource, ref.id)) } }
        }
    }
}
