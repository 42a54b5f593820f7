import Domain
import Markup

/// Form pieces: the errors by field, the token, hidden values, buttons and one-button forms.
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

    static func hidden(_ name: String, _ value: String) -> Component {
        H.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    static func submit(_ title: String, _ cssClass: String = "primary") -> Component {
        H.el("button", [("type", "submit"), ("class", cssClass)]) { Text(title) }
    }

    /// A form that only posts (sign out, revoke, disable), with its token and any hidden values.
    static func post(to url: SiteURL, csrf: String, button: String, cssClass: String = "secondary",
                     hidden: [(String, String)] = []) -> Component {
        H.el("form", [("method", "post"), ("action", url.path), ("class", "inline")]) {
            Forms.csrf(csrf)
            for (name, value) in hidden { Forms.hidden(name, value) }
            submit(button, cssClass)
        }
    }

    /// The id of a field's control: a part of a list's item (`headCounts/2/byAge`) becomes `f-headCounts-2-byAge`.
    static func id(_ field: String, prefix: String = "f-") -> String {
        prefix + field.replacingOccurrences(of: "/", with: "-")
    }

    /// A summary at the top of a form that failed, linking to each field (GOV.UK-style error summary).
    static func errorSummary(_ errors: Errors, text: Localizer, idPrefix: String = "f-") -> Component {
        if errors.isEmpty { return H.empty }
        return H.el("div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1")]) {
            H.el("h2") { Text(text("error.invalid")) }
            H.el("ul") {
                for (field, messages) in errors.byField.sorted(by: { $0.key < $1.key }) {
                    H.el("li") {
                        H.el("a", [("href", "#" + id(field, prefix: idPrefix))]) { Text(messages.joined(separator: " ")) }
                    }
                }
            }
        }
    }
}
