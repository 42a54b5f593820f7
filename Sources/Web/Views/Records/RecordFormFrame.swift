import Domain
import Markup

/// The frame of every record form: the way back, the title, the conflict panel (someone saved a newer
/// version: theirs is shown, what this user typed stays in the form), the error summary, the form with
/// its token and version, and the save button. The page gives its fields.
struct RecordFormFrame {
    var title: String
    var trail: [(String, SiteURL)] = []
    var intro: String? = nil
    var action: SiteURL
    /// The version the edit started from; nil for forms that have none.
    var version: String?
    var errors: Forms.Errors
    var conflict: Conflict? = nil
    /// The server checks every field; `novalidate` keeps the browser from answering first in English.
    var novalidate = false
    var submit: String? = nil

    /// Someone else saved first: what to say, and their version's facts.
    struct Conflict {
        var message: String
        var theirs: Component?
    }

    func page(chrome: Chrome, above: Component = EmptyComponent(), below: Component = EmptyComponent(),
              @ComponentBuilder fields: () -> Component) -> String {
        Layout.page(title: title, chrome: chrome) { view(chrome: chrome, above: above, below: below, fields: fields) }
    }

    /// - Parameter heading: `h2` where the form is a part of a larger page.
    func view(chrome: Chrome, heading: String = "h1", above: Component = EmptyComponent(),
              below: Component = EmptyComponent(), @ComponentBuilder fields: () -> Component) -> Component {
        let text = chrome.text
        return H.group {
            if !trail.isEmpty { Breadcrumb.view(trail) }
            H.el(heading) { Text(title) }
            if let intro { Paragraph(intro) }
            above
            if let conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(conflict.message)
                    if let theirs = conflict.theirs {
                        H.text("h2", [], text("record.theirs"))
                        theirs
                    }
                }
            } else {
                Forms.errorSummary(errors, text: text)
            }
            H.el("form", [("method", "post"), ("action", action.path), ("class", "record-form"),
                          ("novalidate", novalidate ? "" : nil)]) {
                Forms.csrf(chrome.csrfToken)
                if let version { Forms.hidden("version", version) }
                fields()
                Forms.submit(submit ?? text("record.save"))
            }
            below
        }
    }
}
