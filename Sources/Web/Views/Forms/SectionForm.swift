import Domain
import Markup

/// A small form inside a record's page (a photo, a quote, a document): it posts to `action` and lands on its
/// own section, so a phone shows the mistakes, not the top of the page. Its fields' ids start with
/// `idPrefix`, so several such forms share a page.
enum SectionForm {
    static func view(action: SiteURL, section: String, idPrefix: String, errors: Forms.Errors, multipart: Bool = false,
                     chrome: Chrome, @ComponentBuilder content: () -> Component) -> Component {
        H.el("form", [("method", "post"), ("action", action.path + "#" + section), ("class", "record-form"),
                      ("enctype", multipart ? "multipart/form-data" : nil)]) {
            Forms.csrf(chrome.csrfToken)
            Forms.errorSummary(errors, text: chrome.text, idPrefix: idPrefix)
            content()
        }
    }
}
