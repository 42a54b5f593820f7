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
