import Domain
import Foundation
import Markup

/// Form controls with their label, help and error next to them, wired for screen readers.
enum Forms {
    struct Errors: Sendable {
        var byField: [String: [String]] = [:]

        init() {}

        init(_ issues: [FieldIssue], text: Localizer) {
            for issue in issues { byField[issue.field, default: []].append(text.message(issue)) }
        }

        subscript(field: String) -> String? { byField[field]?.joined(separator: " ") }
        var isEmpty: Bool { byField.isEmpty }
    }

    static func csrf(_ token: String) -> Component {
        H.void("input", [("type", "hidden"), ("name", CSRFMiddleware.field), ("value", token)])
    }

    static func field(
        label: String, name: String, type: String = "text", value: String = "", error: String? = nil,
        help: String? = nil, required: Bool = false, autocomplete: String? = nil, autofocus: Bool = false, id: String? = nil
    ) -> Component {
        // Forms that share a page (an engagement's quote and follow-up) give their fields ids of their own.
        let id = id ?? "f-\(name)"
        let described = [help.map { _ in "\(id)-help" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) { Text(label) }
            if let help { H.el("p", [("class", "help"), ("id", "\(id)-help")]) { Text(help) } }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
            H.void("input", [
                ("type", type), ("id", id), ("name", name), ("value", type == "password" ? nil : value),
                ("required", required ? "" : nil), ("autocomplete", autocomplete),
                ("aria-describedby", described.isEmpty ? nil : described.joined(separator: " ")),
                ("aria-invalid", error == nil ? nil : "true"), ("autofocus", autofocus ? "" : nil),
            ])
        }
    }

    static func select(
        label: String, name: String, options: [(value: String, label: String)], selected: String?,
        error: String? = nil, help: String? = nil, id: String? = nil
    ) -> Component {
        let id = id ?? "f-\(name)"
        let described = [help.map { _ in "\(id)-help" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) { Text(label) }
            if let help { H.el("p", [("class", "help"), ("id", "\(id)-help")]) { Text(help) } }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
            H.el("select", [("id", id), ("name", name), ("aria-describedby", described.isEmpty ? nil : described.joined(separator: " ")),
                            ("aria-invalid", error == nil ? nil : "true")]) {
                for option in options {
                    H.el("option", [("value", option.value), ("selected", option.value == selected ? "" : nil)]) { Text(option.label) }
                }
            }
        }
    }

    /// A summary at the top of a form that failed, linking to each field (GOV.UK-style error summary).
    static func errorSummary(_ errors: Errors, text: Localizer, idPrefix: String = "f-") -> Component {
        if errors.isEmpty { return H.empty }
        return H.el("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1")]) {
            H.el("h2") { Text(text("error.invalid")) }
            H.el("ul") {
                for (field, messages) in errors.byField.sorted(by: { $0.key < $1.key }) {
                    H.el("li") { H.el("a", [("href", "#\(idPrefix)\(field)")]) { Text(messages.joined(separator: " ")) } }
                }
            }
        }
    }

    static func submit(_ title: String, _ cssClass: String = "primary") -> Component {
        H.el("button", [("type", "submit"), ("class", cssClass)]) { Text(title) }
    }

    /// A form that only posts (sign out, revoke, disable), with its token.
    static func post(to url: SiteURL, csrf: String, button: String, cssClass: String = "secondary") -> Component {
        H.el("form", [("method", "post"), ("action", url.path), ("class", "inline")]) {
            Forms.csrf(csrf)
            submit(button, cssClass)
        }
    }
}

extension Forms {
    static func checkbox(label: String, name: String, checked: Bool, id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        return H.el("div", [("class", "field checkbox")]) {
            H.el("label", [("for", id)]) {
                H.void("input", [("type", "checkbox"), ("id", id), ("name", name), ("value", "1"), ("checked", checked ? "" : nil)])
                Text(" " + label)
            }
        }
    }

    static func hidden(_ name: String, _ value: String) -> Component {
        H.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }
}

/// Query strings for links that keep the current filters.
enum QueryString {
    static func encode(_ items: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return items.filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
