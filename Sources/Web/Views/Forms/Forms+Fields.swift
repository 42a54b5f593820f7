import Domain
import Features
import Markup

/// Form controls with their label, help and error next to them, wired for screen readers.
extension Forms {
    /// The label, help and error around one control; `control` gets the id and what describes it.
    static func wrapped(label: String, id: String, help: String?, error: String?,
                        control: (_ describedBy: String?) -> Component) -> Component {
        let described = [help.map { _ in "\(id)-help" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) { Text(label) }
            if let help { H.el("p", [("class", "help"), ("id", "\(id)-help")]) { Text(help) } }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
            control(described.isEmpty ? nil : described.joined(separator: " "))
        }
    }

    /// Forms that share a page (an engagement's quote and follow-up) give their fields ids of their own.
    static func field(
        label: String, name: String, type: String = "text", value: String = "", error: String? = nil,
        help: String? = nil, required: Bool = false, autocomplete: String? = nil, autofocus: Bool = false,
        id: String? = nil
    ) -> Component {
        let id = id ?? "f-\(name)"
        return wrapped(label: label, id: id, help: help, error: error) { described in
            H.void("input", [
                ("type", type), ("id", id), ("name", name), ("value", type == "password" ? nil : value),
                ("required", required ? "" : nil), ("autocomplete", autocomplete), ("aria-describedby", described),
                ("aria-invalid", error == nil ? nil : "true"), ("autofocus", autofocus ? "" : nil),
            ])
        }
    }

    /// The name most records begin with: required, its mistake beside it.
    static func title(_ value: String, _ errors: Forms.Errors, _ text: Localizer, name: String = "title",
                      label: String = "engagements.titleField") -> Component {
        field(label: text(label), name: name, value: value, error: errors[name], required: true)
    }

    static func select(
        label: String, name: String, options: [(value: String, label: String)], selected: String?,
        error: String? = nil, help: String? = nil, id: String? = nil
    ) -> Component {
        let id = id ?? "f-\(name)"
        return wrapped(label: label, id: id, help: help, error: error) { described in
            H.el("select", [("id", id), ("name", name), ("aria-describedby", described),
                            ("aria-invalid", error == nil ? nil : "true")]) {
                for option in options {
                    H.el("option", [("value", option.value), ("selected", option.value == selected ? "" : nil)]) {
                        Text(option.label)
                    }
                }
            }
        }
    }

    /// Several choices at once (places of a visit), posted as `name[]`.
    static func multiple(label: String, name: String, refs: [RecordRef], selected: [String], error: String?,
                         help: String) -> Component {
        let id = "f-\(name)"
        return wrapped(label: label, id: id, help: help, error: error) { _ in
            H.el("select", [("id", id), ("name", name + "[]"), ("multiple", ""), ("size", "6"),
                            ("aria-describedby", "\(id)-help"), ("aria-invalid", error == nil ? nil : "true")]) {
                for ref in refs {
                    let value = ref.id.uuidString.lowercased()
                    H.el("option",
                         [("value", value), ("selected", selected.contains(value) ? "" : nil)]) { Text(ref.name) }
                }
            }
        }
    }

    /// - Parameter lookup: the label of a people look-up that the page's script adds under the box.
    static func textarea(label: String, name: String, value: String, error: String? = nil, help: String? = nil,
                         rows: Int = 3, lookup: (label: String, none: String)? = nil, id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        return wrapped(label: label, id: id, help: help, error: error) { described in
            H.el("textarea", [("id", id), ("name", name), ("rows", String(rows)),
                              ("data-lookup", lookup == nil ? nil : "people"), ("data-lookup-label", lookup?.label),
                              ("data-lookup-none", lookup?.none), ("aria-describedby", described),
                              ("aria-invalid", error == nil ? nil : "true")]) { Text(value) }
        }
    }

    /// A file to upload. A browser never fills a file field again, so its help always says what to choose.
    static func file(label: String, name: String = "file", accept: String, help: String, error: String?,
                     id: String) -> Component {
        wrapped(label: label, id: id, help: help, error: error) { described in
            H.void("input", [("type", "file"), ("id", id), ("name", name), ("accept", accept), ("required", ""),
                             ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true")])
        }
    }

    static func checkbox(label: String, name: String, checked: Bool, id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        return H.el("div", [("class", "field checkbox")]) {
            H.el("label", [("for", id)]) {
                H.void("input", [("type", "checkbox"), ("id", id), ("name", name), ("value", "1"),
                                 ("checked", checked ? "" : nil)])
                Text(" " + label)
            }
        }
    }
}
