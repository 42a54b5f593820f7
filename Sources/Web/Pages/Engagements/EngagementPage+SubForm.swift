import Domain
import Markup

extension EngagementPage {
    /// One of the page's small forms: what was typed when it comes back with mistakes, else empty (or a default).
    struct SubForm {
        let form: Attempt.Form
        let attempt: Attempt?
        /// The note's capture identity: the one it was sent with when it comes back with mistakes.
        let capture: String

        init(_ form: Attempt.Form, _ model: Model) {
            self.form = form
            attempt = model.attempt?.form == form ? model.attempt : nil
            capture = attempt?.values["capture"] ?? (model.captureKey.isEmpty ? "" : model.captureKey + "-" + form.rawValue.dropLast())
        }

        func id(_ name: String) -> String { form.rawValue + name }
        func value(_ name: String, default fallback: String = "") -> String { attempt?.values[name] ?? fallback }
        func error(_ name: String) -> String? { attempt?.errors[name] }

        /// The form behind a disclosure named `summary`: the page reads first and edits second, and a form
        /// that came back with mistakes is open.
        func element(_ url: SiteURL, section: String, summary: String, multipart: Bool = false, chrome: Chrome,
                     @ComponentBuilder content: () -> Component) -> Component {
            let capture = self.capture
            return H.el("details", [("class", "add-form"), ("open", attempt == nil ? nil : "")]) {
                H.el("summary") { Text(summary) }
                self.form(url, section: section, multipart: multipart, chrome: chrome) {
                    if !capture.isEmpty { Forms.hidden(CaptureRequest.field, capture) }
                    content()
                }
            }
        }

        /// The form alone, for a disclosure that holds several.
        func form(_ url: SiteURL, section: String, multipart: Bool = false, chrome: Chrome,
                  @ComponentBuilder content: () -> Component) -> Component {
            SectionForm.view(action: url, section: section, idPrefix: form.rawValue,
                             errors: attempt?.errors ?? Forms.Errors(), multipart: multipart, chrome: chrome,
                             content: content)
        }

        func field(_ label: String, _ name: String, type: String = "text", default fallback: String = "",
                   help: String? = nil, required: Bool = false) -> Component {
            Forms.field(label: label, name: name, type: type, value: value(name, default: fallback), error: error(name),
                        help: help, required: required, id: id(name))
        }

        func select(_ label: String, _ name: String, options: Forms.Options,
                    default fallback: String = "") -> Component {
            Forms.select(label: label, name: name, options: options, selected: value(name, default: fallback),
                         error: error(name), id: id(name))
        }

        func textarea(_ label: String, _ name: String, help: String? = nil, rows: Int) -> Component {
            Forms.textarea(label: label, name: name, value: value(name), error: error(name), help: help, rows: rows,
                           id: id(name))
        }
    }

    /// A form that adds to the engagement (a follow-up, a quote, a photo), for those who may change it:
    /// behind a disclosure named like its button.
    static func addForm(_ form: Attempt.Form, to action: RecordAction, section: String, _ label: String, multipart: Bool = false,
                        _ model: Model, chrome: Chrome, @ComponentBuilder fields: (SubForm) -> Component) -> Component {
        guard model.canChange else { return H.empty }
        let sub = SubForm(form, model)
        return sub.element(.record(.engagement, model.record.id, action), section: section, summary: label, multipart: multipart,
                           chrome: chrome) {
            fields(sub)
            Forms.submit(label, "secondary")
        }
    }
}
